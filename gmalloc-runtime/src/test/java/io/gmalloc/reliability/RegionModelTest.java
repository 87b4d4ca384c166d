package io.gmalloc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gmalloc.GMalloc;
import io.gmalloc.GMallocStats;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import io.gmalloc.Region;
import io.gmalloc.SpecialBucket;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Model-based sequences with regions mixed in (docs/design.md §2a): regions opened and closed between allocations of
 * general, special and large blocks in regions and outside them; frees through {@code region.free},
 * {@code GMalloc.gfree} and {@code SpecialBucket.free}, some from another thread; closes with blocks still live;
 * frees of a closed region's old addresses. After every operation each live block keeps its pattern, no two live
 * blocks overlap, every open region's {@code liveBlocks()} and the {@code stats()} live count equal the model's.
 */
class RegionModelTest {
    private static final SpecialBucket[] SPECIAL = {
        new SpecialBucket("regionModel.3", 3, 1),
        new SpecialBucket("regionModel.12", 12, 4),
        new SpecialBucket("regionModel.20", 20, 4),
        new SpecialBucket("regionModel.100", 100, 4),
    };

    private static final ExecutorService REMOTE = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("region-model-remote").factory());

    @AfterContainer
    static void stopRemote() {
        REMOTE.shutdown();
    }

    // ---------------------------------------------------------------- operations

    sealed interface Op {}

    record Open() implements Op {}

    /** Closes the {@code pick}-th open region, whatever it still holds. */
    record Close(int pick) implements Op {}

    /** {@code gmalloc(size)} in the {@code region}-th open region, or with {@code GMalloc} when none is open or {@code region < 0}. */
    record Alloc(int region, long size, boolean remote) implements Op {}

    /** {@code SPECIAL[bucket].alloc(region)} (or {@code alloc()}, as for {@link Alloc}). */
    record SpecialAlloc(int region, int bucket) implements Op {}

    /** {@code count} blocks of one size in a row, enough to fill slabs. */
    record Burst(int region, long size, int count) implements Op {}

    enum Via {
        GFREE,
        REGION_FREE,
        BUCKET_FREE
    }

    /** Frees the {@code pick}-th live block; {@code REGION_FREE} and {@code BUCKET_FREE} fall back to gfree where they do not apply. */
    record Free(int pick, Via via, boolean remote) implements Op {}

    /** {@code region.free} of a live block that is not that region's: {@code WRONG_BUCKET}. */
    record ForeignFree(int pick, int region) implements Op {}

    /** {@code gfree} of the {@code pick}-th address of a block a closed region held. */
    record FreeStale(int pick, boolean remote) implements Op {}

    /** {@code trim()}. */
    record Trim() implements Op {}

    // ---------------------------------------------------------------- arbitraries

    private static Arbitrary<Integer> picks() {
        return Arbitraries.integers().between(0, 1000);
    }

    private static Arbitrary<Integer> regionPick() {
        return Arbitraries.integers().between(-1, 4);
    }

    private static Arbitrary<Boolean> remote() {
        return Arbitraries.of(false, false, true);
    }

    private static Arbitrary<Long> sizes() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(10, Arbitraries.longs().between(0, 512)),
                Tuple.of(2, Arbitraries.longs().between(513, 20_000))));
    }

    private static Arbitrary<Op> op() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(3, Arbitraries.just((Op) new Open())),
                Tuple.of(2, picks().map(p -> (Op) new Close(p))),
                Tuple.of(
                        10,
                        regionPick().flatMap(r -> sizes().flatMap(s -> remote().map(m -> (Op) new Alloc(r, s, m))))),
                Tuple.of(
                        5,
                        regionPick()
                                .flatMap(r -> Arbitraries.integers()
                                        .between(0, SPECIAL.length - 1)
                                        .map(b -> (Op) new SpecialAlloc(r, b)))),
                Tuple.of(
                        1,
                        regionPick()
                                .flatMap(r -> Arbitraries.longs()
                                        .between(1, 512)
                                        .flatMap(s -> Arbitraries.integers()
                                                .between(1, 400)
                                                .map(n -> (Op) new Burst(r, s, n))))),
                Tuple.of(
                        8,
                        picks().flatMap(p ->
                                Arbitraries.of(Via.class).flatMap(v -> remote().map(m -> (Op) new Free(p, v, m))))),
                Tuple.of(2, picks().flatMap(p -> regionPick().map(r -> (Op) new ForeignFree(p, r)))),
                Tuple.of(2, picks().flatMap(p -> remote().map(m -> (Op) new FreeStale(p, m)))),
                Tuple.of(1, Arbitraries.just((Op) new Trim()))));
    }

    @Provide
    Arbitrary<List<Op>> sequences() {
        return op().list().ofMaxSize(80);
    }

    @Property(shrinking = ShrinkingMode.FULL)
    void regionsAndTheirBlocksBehaveLikeTheModel(@ForAll("sequences") List<Op> ops) throws Exception {
        new Model().run(ops);
    }

    // ---------------------------------------------------------------- the model

    /** A live block: {@code size} bytes filled with the pattern of {@code id}; {@code region} null outside regions. */
    record Block(long id, long address, long size, long usable, ModelRegion region, int bucket) {}

    /** An open region and the blocks the model says it holds. */
    static final class ModelRegion {
        final Region region = Region.open();
        final List<Block> blocks = new ArrayList<>();
    }

    static final class Model {
        private final List<Block> live = new ArrayList<>();
        private final TreeMap<Long, Block> byAddress = new TreeMap<>();
        private final List<ModelRegion> open = new ArrayList<>();
        private final List<Long> stale = new ArrayList<>();
        private final GMallocStats baseline = GMalloc.stats();
        private long nextId;

        void run(List<Op> ops) throws Exception {
            try {
                for (Op op : ops) {
                    apply(op);
                    check(op);
                }
            } finally {
                for (Block b : List.copyOf(live)) {
                    if (b.region == null) {
                        GMalloc.gfree(b.address);
                    }
                }
                for (ModelRegion r : open) {
                    r.region.close();
                }
            }
            assertThat(GMalloc.stats().liveBlocks())
                    .as("live blocks back to baseline")
                    .isEqualTo(baseline.liveBlocks());
        }

        private ModelRegion region(int pick) {
            return pick < 0 || open.isEmpty() ? null : open.get(pick % open.size());
        }

        private void apply(Op op) throws Exception {
            switch (op) {
                case Open() -> open.add(new ModelRegion());
                case Close(int pick) -> {
                    ModelRegion r = region(pick);
                    if (r == null) {
                        return;
                    }
                    r.region.close();
                    open.remove(r);
                    for (Block b : r.blocks) {
                        live.remove(b);
                        byAddress.remove(b.address);
                        stale.add(b.address);
                    }
                }
                case Alloc(int pick, long size, boolean remote) -> {
                    ModelRegion r = region(pick);
                    long address = r != null ? r.region.gmalloc(size) : on(remote, () -> GMalloc.gmalloc(size));
                    added(address, Math.max(size, 1), r, -1);
                }
                case SpecialAlloc(int pick, int bucket) -> {
                    ModelRegion r = region(pick);
                    long address = r != null ? SPECIAL[bucket].alloc(r.region) : SPECIAL[bucket].alloc();
                    added(address, SPECIAL[bucket].stride(), r, bucket);
                }
                case Burst(int pick, long size, int count) -> {
                    ModelRegion r = region(pick);
                    for (int i = 0; i < count; i++) {
                        added(r != null ? r.region.gmalloc(size) : GMalloc.gmalloc(size), size, r, -1);
                    }
                }
                case Free(int pick, Via via, boolean remote) -> {
                    if (live.isEmpty()) {
                        return;
                    }
                    Block b = live.get(pick % live.size());
                    if (via == Via.REGION_FREE && b.region != null && !remote) {
                        b.region.region.free(b.address);
                    } else if (via == Via.BUCKET_FREE && b.bucket >= 0) {
                        on(remote, () -> {
                            SPECIAL[b.bucket].free(b.address);
                            return 0L;
                        });
                    } else {
                        on(remote, () -> {
                            GMalloc.gfree(b.address);
                            return 0L;
                        });
                    }
                    forget(b);
                }
                case ForeignFree(int pick, int regionPick) -> {
                    ModelRegion r = region(regionPick);
                    if (live.isEmpty() || r == null) {
                        return;
                    }
                    Block b = live.get(pick % live.size());
                    if (b.region == r) {
                        return;
                    }
                    expectInvalid(EnumSet.of(Reason.WRONG_BUCKET), () -> r.region.free(b.address));
                }
                case FreeStale(int pick, boolean remote) -> {
                    if (stale.isEmpty()) {
                        return;
                    }
                    long address = stale.get(pick % stale.size());
                    Block reused = byAddress.get(address);
                    if (reused != null) {
                        // The memory belongs to a newer block now: the free is that block's, as with any address.
                        on(remote, () -> {
                            GMalloc.gfree(address);
                            return 0L;
                        });
                        forget(reused);
                        return;
                    }
                    Map.Entry<Long, Block> below = byAddress.lowerEntry(address);
                    boolean inside = below != null && address < below.getKey() + below.getValue().usable;
                    expectInvalid(
                            inside
                                    ? EnumSet.of(Reason.INTERIOR)
                                    : EnumSet.of(Reason.NOT_OWNED, Reason.DOUBLE_FREE, Reason.INTERIOR),
                            () -> on(remote, () -> {
                                GMalloc.gfree(address);
                                return 0L;
                            }));
                }
                case Trim() -> GMalloc.trim();
            }
        }

        private static long on(boolean remote, Callable<Long> action) throws Exception {
            if (!remote) {
                return action.call();
            }
            try {
                return REMOTE.submit(action).get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }

        private interface Action {
            void run() throws Exception;
        }

        private static void expectInvalid(Set<Reason> reasons, Action action) throws Exception {
            try {
                action.run();
                fail("expected an InvalidFreeException with a reason in " + reasons);
            } catch (InvalidFreeException e) {
                assertThat(e.reason()).as(e.getMessage()).isIn(reasons);
            }
        }

        private void added(long address, long size, ModelRegion r, int bucket) {
            long usable = GMalloc.usableSize(address);
            assertThat(usable).isGreaterThanOrEqualTo(size);
            assertThat(Patterns.firstNonZero(address, 0, usable))
                    .as("new block zeroed")
                    .isEqualTo(-1);
            Block b = new Block(nextId++, address, size, usable, r, bucket);
            Map.Entry<Long, Block> below = byAddress.floorEntry(address);
            if (below != null) {
                assertThat(below.getKey() + below.getValue().usable)
                        .as("%s overlaps %s", b, below.getValue())
                        .isLessThanOrEqualTo(address);
            }
            Map.Entry<Long, Block> above = byAddress.ceilingEntry(address);
            if (above != null) {
                assertThat(address + usable)
                        .as("%s overlaps %s", b, above.getValue())
                        .isLessThanOrEqualTo(above.getKey());
            }
            Patterns.write(address, b.id, Math.min(size, 64));
            live.add(b);
            byAddress.put(address, b);
            if (r != null) {
                r.blocks.add(b);
            }
            stale.remove(address);
        }

        private void forget(Block b) {
            live.remove(b);
            byAddress.remove(b.address);
            if (b.region != null) {
                b.region.blocks.remove(b);
            }
        }

        private void check(Op op) {
            for (Block b : live) {
                assertThat(Patterns.firstCorrupt(b.address, b.id, Math.min(b.size, 64)))
                        .as("%s after %s", b, op)
                        .isEqualTo(-1);
            }
            for (ModelRegion r : open) {
                assertThat(r.region.liveBlocks())
                        .as("region live blocks after %s", op)
                        .isEqualTo(r.blocks.size());
            }
            assertThat(GMalloc.stats().liveBlocks() - baseline.liveBlocks())
                    .as("stats live after %s", op)
                    .isEqualTo(live.size());
        }
    }
}
