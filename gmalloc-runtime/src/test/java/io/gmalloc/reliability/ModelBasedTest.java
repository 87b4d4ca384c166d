package io.gmalloc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gmalloc.GMalloc;
import io.gmalloc.GMallocStats;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import io.gmalloc.SpecialBucket;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Model-based property tests: random operation sequences run against gmalloc and against a plain Java model of
 * what docs/design.md §2 promises. After every operation each live block still holds its own pattern, no two live blocks
 * overlap, and {@code stats()} live counts equal the model's (as deltas from a baseline, since other tests share
 * the JVM and leave blocks behind).
 *
 * <p>A sequence is a {@code List<Op>}; the interpreter below is deterministic (block choices are indices modulo the
 * live count), so jqwik's list and integer shrinking yields a minimal failing sequence. Ops marked {@code remote}
 * run on a second platform thread, which makes frees cross-thread and gives that thread a heap of its own.
 */
class ModelBasedTest {

    /** Strides 1..100, each with the largest alignment ≤ 8 dividing it. Buckets live forever: create them once. */
    private static final SpecialBucket[] SPECIAL = new SpecialBucket[101];

    static {
        for (int stride = 1; stride <= 100; stride++) {
            long alignment = Math.min(8, Long.lowestOneBit(stride));
            SPECIAL[stride] = new SpecialBucket("model.stride" + stride, stride, alignment);
        }
    }

    private static final ExecutorService REMOTE = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("model-remote").factory());

    @AfterContainer
    static void stopRemote() {
        REMOTE.shutdown();
    }

    // ---------------------------------------------------------------- operations

    sealed interface Op {}

    /** {@code gmalloc(size)}, on the remote thread if {@code remote}. */
    record Alloc(long size, boolean remote) implements Op {}

    /** {@code gcalloc(count, size)}. */
    record Calloc(long count, long size) implements Op {}

    /** {@code grealloc} of the {@code pick}-th live block (or of 0 when none is live). */
    record Realloc(int pick, long newSize, boolean remote) implements Op {}

    /** {@code gfree} (or the owning {@code SpecialBucket.free}) of the {@code pick}-th live block. */
    record Free(int pick, boolean viaBucket, boolean remote) implements Op {}

    /** {@code usableSize} of the {@code pick}-th live block. */
    record UsableSize(int pick) implements Op {}

    /** {@code gfree(block + offset)} with {@code 0 < offset < usable}: an interior or misaligned pointer. */
    record FreeInterior(int pick, long offset) implements Op {}

    /** {@code gfree} again of the {@code pick}-th address freed earlier in this sequence. */
    record FreeAgain(int pick, boolean remote) implements Op {}

    /** {@code gfree} of an address that can never be ours: below 64 KiB (mmap_min_addr), ≥ 2^48, negative. */
    record FreeWild(long address) implements Op {}

    /** {@code grealloc} of the {@code pick}-th freed address. */
    record ReallocFreed(int pick) implements Op {}

    /** {@code trim()}, on the remote thread if {@code remote}. */
    record Trim(boolean remote) implements Op {}

    /** {@code SPECIAL[stride].alloc()}. */
    record SpecialAlloc(int stride, boolean remote) implements Op {}

    /** {@code SPECIAL[stride].free(block)} of a block of another bucket. */
    record WrongBucketFree(int pick, int stride) implements Op {}

    /**
     * {@code count} blocks of one size ({@code stride > 0}: of that special bucket) in a row: enough to fill slabs,
     * so that full slabs, slab growth, empty slabs going back to the pool and pooled memory reused for another
     * block size all happen inside short sequences.
     */
    record Burst(long size, int stride, int count, boolean remote) implements Op {}

    /** Frees {@code count} live blocks from the {@code pick}-th on, every {@code step}-th one. */
    record FreeMany(int pick, int count, int step, boolean remote) implements Op {}

    // ---------------------------------------------------------------- arbitraries

    private static Arbitrary<Long> sizes() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(12, Arbitraries.longs().between(0, 600)),
                Tuple.of(3, Arbitraries.longs().between(601, 16_384)),
                Tuple.of(1, Arbitraries.longs().between(16_385, 1 << 20))));
    }

    private static Arbitrary<Boolean> remote() {
        return Arbitraries.of(false, false, true);
    }

    private static Arbitrary<Integer> picks() {
        return Arbitraries.integers().between(0, 1000);
    }

    private static Arbitrary<Long> wild() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.longs().between(1, 65_535),
                Arbitraries.longs().between(1L << 48, Long.MAX_VALUE),
                Arbitraries.longs().between(Long.MIN_VALUE, -1)));
    }

    private static Arbitrary<Op> generalOp() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(10, sizes().flatMap(s -> remote().map(r -> (Op) new Alloc(s, r)))),
                Tuple.of(
                        2,
                        Arbitraries.longs()
                                .between(0, 70)
                                .flatMap(c -> Arbitraries.longs().between(0, 40).map(s -> (Op) new Calloc(c, s)))),
                Tuple.of(4, picks().flatMap(p -> sizes().flatMap(s -> remote().map(r -> (Op) new Realloc(p, s, r))))),
                Tuple.of(8, picks().flatMap(p -> remote().map(r -> (Op) new Free(p, false, r)))),
                Tuple.of(1, picks().map(p -> (Op) new UsableSize(p))),
                Tuple.of(
                        2,
                        picks().flatMap(p ->
                                Arbitraries.longs().between(1, 1 << 20).map(o -> (Op) new FreeInterior(p, o)))),
                Tuple.of(2, picks().flatMap(p -> remote().map(r -> (Op) new FreeAgain(p, r)))),
                Tuple.of(1, wild().map(a -> (Op) new FreeWild(a))),
                Tuple.of(1, picks().map(p -> (Op) new ReallocFreed(p))),
                Tuple.of(1, remote().map(r -> (Op) new Trim(r))),
                Tuple.of(2, strides().flatMap(s -> remote().map(r -> (Op) new SpecialAlloc(s, r)))),
                Tuple.of(1, picks().flatMap(p -> strides().map(s -> (Op) new WrongBucketFree(p, s)))),
                Tuple.of(
                        1,
                        Arbitraries.longs()
                                .between(240, 600)
                                .flatMap(size -> Arbitraries.integers()
                                        .between(1, 400)
                                        .flatMap(n -> remote().map(r -> (Op) new Burst(size, 0, n, r))))),
                Tuple.of(1, freeMany())));
    }

    private static Arbitrary<Integer> strides() {
        return Arbitraries.integers().between(1, 100);
    }

    private static Arbitrary<Op> specialOp() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(12, strides().flatMap(s -> remote().map(r -> (Op) new SpecialAlloc(s, r)))),
                Tuple.of(6, picks().flatMap(p -> remote().map(r -> (Op) new Free(p, true, r)))),
                Tuple.of(2, picks().flatMap(p -> remote().map(r -> (Op) new Free(p, false, r)))),
                Tuple.of(2, picks().flatMap(p -> strides().map(s -> (Op) new WrongBucketFree(p, s)))),
                Tuple.of(
                        2,
                        picks().flatMap(p -> Arbitraries.longs().between(1, 99).map(o -> (Op) new FreeInterior(p, o)))),
                Tuple.of(2, picks().flatMap(p -> remote().map(r -> (Op) new FreeAgain(p, r)))),
                Tuple.of(1, picks().map(p -> (Op) new UsableSize(p))),
                Tuple.of(
                        1,
                        picks().flatMap(p -> Arbitraries.longs()
                                .between(1, 200)
                                .flatMap(s -> remote().map(r -> (Op) new Realloc(p, s, r))))),
                Tuple.of(2, Arbitraries.longs().between(0, 120).map(s -> (Op) new Alloc(s, false))),
                Tuple.of(1, remote().map(r -> (Op) new Trim(r))),
                Tuple.of(
                        1,
                        Arbitraries.integers()
                                .between(60, 100)
                                .flatMap(stride -> Arbitraries.integers()
                                        .between(1, 1500)
                                        .flatMap(n -> remote().map(r -> (Op) new Burst(stride, stride, n, r))))),
                Tuple.of(1, freeMany())));
    }

    private static Arbitrary<Op> freeMany() {
        return picks().flatMap(p -> Arbitraries.integers()
                .between(1, 1500)
                .flatMap(n -> Arbitraries.integers()
                        .between(1, 3)
                        .flatMap(step -> remote().map(r -> (Op) new FreeMany(p, n, step, r)))));
    }

    @Provide
    Arbitrary<List<Op>> generalSequences() {
        return generalOp().list().ofMaxSize(80);
    }

    @Provide
    Arbitrary<List<Op>> specialSequences() {
        return specialOp().list().ofMaxSize(120);
    }

    // ---------------------------------------------------------------- properties

    // Tries: jqwik.tries.default, 600 in junit-platform.properties and the build, 10 000 with -Psoak.
    @Property(shrinking = ShrinkingMode.FULL)
    void generalBlocksBehaveLikeTheModel(@ForAll("generalSequences") List<Op> ops) throws Exception {
        new Model().run(ops);
    }

    @Property(shrinking = ShrinkingMode.FULL)
    void specialBucketBlocksBehaveLikeTheModel(@ForAll("specialSequences") List<Op> ops) throws Exception {
        new Model().run(ops);
    }

    // ---------------------------------------------------------------- the model

    enum Kind {
        SMALL,
        LARGE,
        SPECIAL
    }

    /** A live block as the model sees it: {@code size} bytes the user owns, filled with the pattern of {@code id}. */
    record Block(long id, long address, long size, long usable, Kind kind, int stride) {}

    /** Interprets one sequence against gmalloc and the model. */
    static final class Model {
        private final List<Block> live = new ArrayList<>();
        private final TreeMap<Long, Block> byAddress = new TreeMap<>();
        private final List<Long> freed = new ArrayList<>();
        private final Map<Integer, Long> specialBaseline = new HashMap<>();
        private final GMallocStats baseline = GMalloc.stats();
        private long expectedInvalidFrees;
        private long nextId;
        private int step;

        void run(List<Op> ops) throws Exception {
            try {
                for (Op op : ops) {
                    apply(op);
                    checkInvariants(op);
                    step++;
                }
            } catch (Throwable t) {
                for (Block b : List.copyOf(live)) {
                    try {
                        GMalloc.gfree(b.address); // best effort: the failure above is what matters
                    } catch (RuntimeException ignored) {
                        t.addSuppressed(ignored);
                    }
                }
                throw t;
            }
            for (Block b : List.copyOf(live)) {
                GMalloc.gfree(b.address);
                forget(b);
            }
            GMallocStats after = GMalloc.stats();
            assertThat(after.liveBlocks()).as("live blocks back to baseline").isEqualTo(baseline.liveBlocks());
            assertThat(after.liveBytes()).as("live bytes back to baseline").isEqualTo(baseline.liveBytes());
            for (Map.Entry<Integer, Long> e : specialBaseline.entrySet()) {
                assertThat(SPECIAL[e.getKey()].stats().liveBlocks())
                        .as("stride %d back to baseline", e.getKey())
                        .isEqualTo(e.getValue());
            }
        }

        private void apply(Op op) throws Exception {
            switch (op) {
                case Alloc(long size, boolean remote) -> {
                    long address = on(remote, () -> GMalloc.gmalloc(size));
                    added(address, Math.max(size, 1), size > 512 ? Kind.LARGE : Kind.SMALL, 0); // 0 is 1
                }
                case Calloc(long count, long size) -> {
                    long address = GMalloc.gcalloc(count, size);
                    long bytes = Math.max(count * size, 1);
                    added(address, bytes, bytes > 512 ? Kind.LARGE : Kind.SMALL, 0);
                }
                case SpecialAlloc(int stride, boolean remote) -> {
                    baselineOf(stride);
                    long address = on(remote, () -> SPECIAL[stride].alloc());
                    added(address, stride, Kind.SPECIAL, stride);
                }
                case Realloc(int pick, long newSize, boolean remote) -> realloc(pick, newSize, remote);
                case Free(int pick, boolean viaBucket, boolean remote) -> {
                    if (live.isEmpty()) {
                        return;
                    }
                    Block b = live.get(pick % live.size());
                    on(remote, () -> {
                        if (viaBucket && b.kind == Kind.SPECIAL) {
                            SPECIAL[b.stride].free(b.address);
                        } else {
                            GMalloc.gfree(b.address);
                        }
                        return 0L;
                    });
                    forget(b);
                    freed.add(b.address);
                }
                case UsableSize(int pick) -> {
                    if (!live.isEmpty()) {
                        Block b = live.get(pick % live.size());
                        assertThat(GMalloc.usableSize(b.address))
                                .as("usableSize of %s", b)
                                .isEqualTo(b.usable);
                    }
                }
                case FreeInterior(int pick, long offset) -> {
                    if (live.isEmpty()) {
                        return;
                    }
                    Block b = live.get(pick % live.size());
                    if (b.usable < 2) {
                        return;
                    }
                    long address = b.address + 1 + (offset - 1) % (b.usable - 1);
                    expectInvalid(address, EnumSet.of(Reason.INTERIOR), false, () -> GMalloc.gfree(address));
                }
                case FreeAgain(int pick, boolean remote) -> {
                    if (freed.isEmpty()) {
                        return;
                    }
                    long address = freed.get(pick % freed.size());
                    expectInvalidOfFreed(address, remote, () -> GMalloc.gfree(address));
                }
                case ReallocFreed(int pick) -> {
                    if (freed.isEmpty()) {
                        return;
                    }
                    long address = freed.get(pick % freed.size());
                    expectInvalidOfFreed(address, false, () -> GMalloc.grealloc(address, 64));
                }
                case FreeWild(long address) ->
                    expectInvalid(address, EnumSet.of(Reason.NOT_OWNED), false, () -> GMalloc.gfree(address));
                case Trim(boolean remote) -> on(remote, GMalloc::trim);
                case Burst(long size, int stride, int count, boolean remote) -> {
                    if (stride > 0) {
                        baselineOf(stride);
                    }
                    long[] addresses = new long[count];
                    on(remote, () -> {
                        for (int i = 0; i < count; i++) {
                            addresses[i] = stride > 0 ? SPECIAL[stride].alloc() : GMalloc.gmalloc(size);
                        }
                        return 0L;
                    });
                    for (long address : addresses) {
                        added(
                                address,
                                stride > 0 ? stride : size,
                                stride > 0 ? Kind.SPECIAL : size > 512 ? Kind.LARGE : Kind.SMALL,
                                stride);
                    }
                }
                case FreeMany(int pick, int count, int step, boolean remote) -> {
                    if (live.isEmpty()) {
                        return;
                    }
                    List<Block> victims = new ArrayList<>();
                    int first = pick % live.size();
                    for (int i = first; i < live.size() && victims.size() < count; i += step) {
                        victims.add(live.get(i));
                    }
                    on(remote, () -> {
                        for (Block b : victims) {
                            GMalloc.gfree(b.address);
                        }
                        return 0L;
                    });
                    for (Block b : victims) {
                        forget(b);
                        freed.add(b.address);
                    }
                }
                case WrongBucketFree(int pick, int stride) -> {
                    if (live.isEmpty()) {
                        return;
                    }
                    Block b = live.get(pick % live.size());
                    int other = b.kind == Kind.SPECIAL && b.stride == stride ? stride % 100 + 1 : stride;
                    expectInvalid(
                            b.address, EnumSet.of(Reason.WRONG_BUCKET), false, () -> SPECIAL[other].free(b.address));
                }
            }
        }

        private void realloc(int pick, long requested, boolean remote) throws Exception {
            long newSize = Math.max(requested, 1); // grealloc treats 0 as 1, like gmalloc
            if (live.isEmpty()) {
                long address = on(remote, () -> GMalloc.grealloc(0, requested));
                added(address, newSize, newSize > 512 ? Kind.LARGE : Kind.SMALL, 0);
                return;
            }
            Block old = live.get(pick % live.size());
            long moved = on(remote, () -> GMalloc.grealloc(old.address, requested));
            long kept = Math.min(old.size, newSize);
            if (old.kind == Kind.SMALL && newSize >= 1 && newSize <= 512 && (newSize + 7) / 8 * 8 == old.usable) {
                assertThat(moved)
                        .as("grealloc within the same bucket keeps the address (%s → %d)", old, newSize)
                        .isEqualTo(old.address);
            }
            assertThat(Patterns.firstCorrupt(moved, old.id, kept))
                    .as("grealloc %s → %d keeps the old bytes", old, newSize)
                    .isEqualTo(-1);
            assertThat(Patterns.firstNonZero(moved, kept, newSize))
                    .as("grealloc %s → %d zero-fills the tail", old, newSize)
                    .isEqualTo(-1);
            forget(old);
            if (moved == old.address) {
                assertThat(old.usable).as("kept address must fit").isGreaterThanOrEqualTo(newSize);
                remember(new Block(old.id, moved, newSize, old.usable, old.kind, old.stride));
            } else {
                freed.add(old.address);
                freed.remove(moved);
                Kind kind = newSize > 512 ? Kind.LARGE : Kind.SMALL;
                Block b = new Block(old.id, moved, newSize, usableOf(moved, newSize, kind, 0), kind, 0);
                checkPlacement(b);
                remember(b);
            }
            Patterns.write(moved, old.id, kept, newSize);
        }

        private void added(long address, long size, Kind kind, int stride) {
            freed.remove(address);
            Block b = new Block(nextId++, address, size, usableOf(address, size, kind, stride), kind, stride);
            assertThat(Patterns.firstNonZero(address, 0, b.usable))
                    .as("new block %s is zeroed", b)
                    .isEqualTo(-1);
            checkPlacement(b);
            remember(b);
            Patterns.write(address, b.id, size);
        }

        private static long usableOf(long address, long size, Kind kind, int stride) {
            assertThat(address).as("address of a %d-byte block", size).isNotZero();
            long usable = GMalloc.usableSize(address);
            switch (kind) {
                case SMALL -> {
                    assertThat(usable).as("general bucket of %d", size).isEqualTo((Math.max(size, 1) + 7) / 8 * 8);
                    assertThat(address % 8).as("8-byte aligned").isZero();
                }
                case LARGE -> {
                    assertThat(usable).isGreaterThanOrEqualTo(size);
                    assertThat(address % 16).as("16-byte aligned").isZero();
                }
                case SPECIAL -> {
                    assertThat(usable).as("special stride").isEqualTo(stride);
                    assertThat(address % SPECIAL[stride].alignment())
                            .as("special alignment")
                            .isZero();
                }
            }
            return usable;
        }

        /** The new block overlaps no live block. */
        private void checkPlacement(Block b) {
            Map.Entry<Long, Block> below = byAddress.floorEntry(b.address);
            if (below != null) {
                assertThat(below.getKey() + below.getValue().usable)
                        .as("%s overlaps %s", b, below.getValue())
                        .isLessThanOrEqualTo(b.address);
            }
            Map.Entry<Long, Block> above = byAddress.ceilingEntry(b.address);
            if (above != null) {
                assertThat(b.address + b.usable)
                        .as("%s overlaps %s", b, above.getValue())
                        .isLessThanOrEqualTo(above.getKey());
            }
        }

        private void remember(Block b) {
            live.add(b);
            byAddress.put(b.address, b);
        }

        private void forget(Block b) {
            live.remove(b);
            byAddress.remove(b.address);
        }

        private void baselineOf(int stride) {
            specialBaseline.computeIfAbsent(stride, s -> SPECIAL[s].stats().liveBlocks());
        }

        /**
         * An address freed earlier in this sequence and not handed out again: normally DOUBLE_FREE, but once its
         * slab went back to the pool (retire, trim) its memory may be unmapped (NOT_OWNED) or reformatted for
         * another block size (INTERIOR). Inside a live block of ours it must be INTERIOR.
         */
        private void expectInvalidOfFreed(long address, boolean remote, Runnable call) throws Exception {
            Map.Entry<Long, Block> below = byAddress.floorEntry(address);
            boolean insideLive = below != null && address < below.getKey() + below.getValue().usable;
            expectInvalid(
                    address,
                    insideLive
                            ? EnumSet.of(Reason.INTERIOR)
                            : EnumSet.of(Reason.DOUBLE_FREE, Reason.NOT_OWNED, Reason.INTERIOR),
                    remote,
                    call);
        }

        private void expectInvalid(long address, Set<Reason> reasons, boolean remote, Runnable call) throws Exception {
            InvalidFreeException e;
            try {
                on(remote, () -> {
                    call.run();
                    return 0L;
                });
                e = null;
            } catch (InvalidFreeException thrown) {
                e = thrown;
            }
            if (e == null) {
                fail("no InvalidFreeException for 0x%x (expected %s)", address, reasons);
                return;
            }
            expectedInvalidFrees++;
            assertThat(e.address()).isEqualTo(address);
            assertThat(e.reason()).as(e.getMessage()).isIn(reasons);
            assertThat(e.getMessage()).contains(Long.toHexString(address));
        }

        private void checkInvariants(Op op) {
            for (Block b : live) {
                assertThat(Patterns.firstCorrupt(b.address, b.id, b.size))
                        .as("after step %d (%s), %s keeps its pattern", step, op, b)
                        .isEqualTo(-1);
            }
            GMallocStats now = GMalloc.stats();
            long usable = 0;
            long large = 0;
            for (Block b : live) {
                usable += b.usable;
                large += b.kind == Kind.LARGE ? 1 : 0;
            }
            assertThat(now.liveBlocks() - baseline.liveBlocks())
                    .as("live blocks after step %d (%s)", step, op)
                    .isEqualTo(live.size());
            assertThat(now.liveBytes() - baseline.liveBytes())
                    .as("live bytes after step %d (%s)", step, op)
                    .isEqualTo(usable);
            assertThat(now.largeAllocations() - baseline.largeAllocations())
                    .as("large blocks after %s", op)
                    .isEqualTo(large);
            assertThat(now.invalidFrees() - baseline.invalidFrees())
                    .as("invalid frees after %s", op)
                    .isEqualTo(expectedInvalidFrees);
            Set<Integer> strides = new HashSet<>();
            if (op instanceof SpecialAlloc
                    || op instanceof Free
                    || op instanceof Trim
                    || op instanceof Burst
                    || op instanceof FreeMany) {
                specialBaseline.keySet().forEach(strides::add);
            }
            for (int stride : strides) {
                long count = live.stream()
                        .filter(b -> b.kind == Kind.SPECIAL && b.stride == stride)
                        .count();
                assertThat(SPECIAL[stride].stats().liveBlocks() - specialBaseline.get(stride))
                        .as("stride %d live after step %d (%s)", stride, step, op)
                        .isEqualTo(count);
            }
        }

        /** Runs {@code call} here or on the remote thread, rethrowing what it threw. */
        private static long on(boolean remote, Callable<Long> call) throws Exception {
            if (!remote) {
                return call.call();
            }
            Future<Long> f = REMOTE.submit(call);
            try {
                return f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
    }
}
