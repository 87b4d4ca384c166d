package io.gmalloc.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gmalloc.GMalloc;
import io.gmalloc.InvalidAccessException;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import io.gmalloc.examples.Particle;
import io.gmalloc.examples.ParticleBucket;
import io.gmalloc.examples.Vec3;
import io.gmalloc.examples.Vec3Bucket;
import io.gmalloc.examples.reliability.Records.Header;
import io.gmalloc.examples.reliability.Records.Mixed;
import io.gmalloc.examples.reliability.Records.Odd;
import io.gmalloc.examples.reliability.Records.Pair;
import io.gmalloc.examples.reliability.Records.Side;
import io.gmalloc.examples.reliability.Records.Tagged;
import io.gmalloc.examples.reliability.Records.Tiny;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The model-based test of the runtime's reliability suite, run through classes the processor generated: random
 * sequences of {@code alloc}, {@code alloc(value)}, {@code store}, nested-struct writes, {@code free} (through the
 * type's bucket, through {@code GMalloc.gfree}, from another thread), frees through the wrong bucket, double
 * frees and {@code trim()}, checked against a map of address → record. After every step each live block loads
 * as its model value, blocks do not overlap, and {@code stats()} live blocks equal the model (as a delta).
 */
class GeneratedBucketModelTest {

    /** What the test needs of one generated bucket class. */
    record Type(
            String name,
            long size,
            boolean special,
            LongSupplier alloc,
            ToLongFunction<Object> allocValue,
            LongConsumer free,
            LongFunction<Object> load,
            ObjLongConsumer<Object> store,
            LongFunction<Object> value,
            Object zero,
            LongFunction<Object> badValue) {
        Type(
                String name,
                long size,
                boolean special,
                LongSupplier alloc,
                ToLongFunction<Object> allocValue,
                LongConsumer free,
                LongFunction<Object> load,
                ObjLongConsumer<Object> store,
                LongFunction<Object> value,
                Object zero) {
            this(name, size, special, alloc, allocValue, free, load, store, value, zero, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Type> TYPES = List.of(
            new Type(
                    "Vec3",
                    Vec3Bucket.SIZE,
                    true,
                    Vec3Bucket::alloc,
                    v -> Vec3Bucket.alloc((Vec3) v),
                    Vec3Bucket::free,
                    Vec3Bucket::load,
                    (v, a) -> Vec3Bucket.store(a, (Vec3) v),
                    GeneratedBucketModelTest::vec3,
                    new Vec3(0, 0, 0)),
            new Type(
                    "Particle",
                    ParticleBucket.SIZE,
                    true,
                    ParticleBucket::alloc,
                    v -> ParticleBucket.alloc((Particle) v),
                    ParticleBucket::free,
                    ParticleBucket::load,
                    (v, a) -> ParticleBucket.store(a, (Particle) v),
                    s -> new Particle(vec3(s), vec3(~s), s * 0.5f),
                    new Particle(vec3z(), vec3z(), 0)),
            new Type(
                    "Tiny",
                    TinyBucket.SIZE,
                    true,
                    TinyBucket::alloc,
                    v -> TinyBucket.alloc((Tiny) v),
                    TinyBucket::free,
                    TinyBucket::load,
                    (v, a) -> TinyBucket.store(a, (Tiny) v),
                    s -> new Tiny((byte) (s | 1)),
                    new Tiny((byte) 0)),
            new Type(
                    "Odd",
                    OddBucket.SIZE,
                    true,
                    OddBucket::alloc,
                    v -> OddBucket.alloc((Odd) v),
                    OddBucket::free,
                    OddBucket::load,
                    (v, a) -> OddBucket.store(a, (Odd) v),
                    s -> new Odd((short) (s * 3 + 1), (byte) (s | 1)),
                    new Odd((short) 0, (byte) 0)),
            new Type(
                    "Mixed",
                    MixedBucket.SIZE,
                    false,
                    MixedBucket::alloc,
                    v -> MixedBucket.alloc((Mixed) v),
                    MixedBucket::free,
                    MixedBucket::load,
                    (v, a) -> MixedBucket.store(a, (Mixed) v),
                    s -> new Mixed((byte) (s | 1), s * 0x9E3779B97F4A7C15L, (short) ~s),
                    new Mixed((byte) 0, 0, (short) 0)),
            new Type(
                    "Pair",
                    PairBucket.SIZE,
                    true,
                    PairBucket::alloc,
                    v -> PairBucket.alloc((Pair) v),
                    PairBucket::free,
                    PairBucket::load,
                    (v, a) -> PairBucket.store(a, (Pair) v),
                    s -> new Pair(s * 31 + 7, s / 3.0 + 1),
                    new Pair(0, 0)),
            new Type(
                    "Tagged",
                    TaggedBucket.SIZE,
                    false,
                    TaggedBucket::alloc,
                    v -> TaggedBucket.alloc((Tagged) v),
                    TaggedBucket::free,
                    TaggedBucket::load,
                    (v, a) -> TaggedBucket.store(a, (Tagged) v),
                    GeneratedBucketModelTest::tagged,
                    new Tagged("", Side.BUY, 0, 0, new short[3]),
                    s -> new Tagged("too-long-" + s, Side.SELL, 1, 2, new short[3])),
            new Type(
                    "Header",
                    HeaderBucket.SIZE,
                    true,
                    HeaderBucket::alloc,
                    v -> HeaderBucket.alloc((Header) v),
                    HeaderBucket::free,
                    HeaderBucket::load,
                    (v, a) -> HeaderBucket.store(a, (Header) v),
                    s -> new Header(
                            (short) (s * 7),
                            "h" + (s % 1000),
                            new byte[] {(byte) s, 1, (byte) ~s},
                            Side.values()[(int) (s % 3)]),
                    new Header((short) 0, "", new byte[3], Side.BUY),
                    s -> new Header((short) 1, "h", new byte[(int) (s % 2) * 5], Side.CROSS)));

    /** Strings of 0 to 6 UTF-8 bytes, some not ASCII. */
    private static Tagged tagged(long s) {
        String[] tags = {"", "a", "ab€", "é", "EURUSD", "x" + (s % 10)};
        return new Tagged(
                tags[(int) (s % tags.length)],
                Side.values()[(int) (s % 3)],
                (int) (s * 0x01010101L),
                s * 0x9E3779B97F4A7C15L,
                new short[] {(short) s, (short) -s, (short) (s >> 3)});
    }

    private static Vec3 vec3(long s) {
        return new Vec3(s % 1000 + 0.25f, -(s % 777) - 1, (s % 313) * 0.5f + 2);
    }

    private static Vec3 vec3z() {
        return new Vec3(0, 0, 0);
    }

    private static final ExecutorService REMOTE = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("generated-model-remote").factory());

    @AfterContainer
    static void stopRemote() {
        REMOTE.shutdown();
    }

    sealed interface Op {}

    record Alloc(int type, boolean withValue, long seed, boolean remote) implements Op {}

    record Store(int pick, long seed) implements Op {}

    /** {@code Vec3Bucket.x(ParticleBucket.velAddress(p), …)}: a write through a nested struct's address. */
    record NestedWrite(int pick, long seed) implements Op {}

    record Free(int pick, boolean viaGfree, boolean remote) implements Op {}

    record WrongBucketFree(int pick, int type) implements Op {}

    record FreeAgain(int pick) implements Op {}

    record Trim() implements Op {}

    /** A store of a value that cannot be stored (string too long, array of the wrong length): nothing changes. */
    record BadStore(int pick, long seed) implements Op {}

    private static Arbitrary<Integer> picks() {
        return Arbitraries.integers().between(0, 1000);
    }

    private static Arbitrary<Integer> types() {
        return Arbitraries.integers().between(0, TYPES.size() - 1);
    }

    @Provide
    Arbitrary<List<Op>> sequences() {
        Arbitrary<Boolean> remote = Arbitraries.of(false, false, true);
        Arbitrary<Long> seeds = Arbitraries.longs().between(0, 1 << 20);
        Arbitrary<Op> op = Arbitraries.frequencyOf(List.of(
                Tuple.of(
                        10,
                        types().flatMap(t -> Arbitraries.of(true, false)
                                .flatMap(v -> seeds.flatMap(s -> remote.map(r -> (Op) new Alloc(t, v, s, r)))))),
                Tuple.of(4, picks().flatMap(p -> seeds.map(s -> (Op) new Store(p, s)))),
                Tuple.of(2, picks().flatMap(p -> seeds.map(s -> (Op) new NestedWrite(p, s)))),
                Tuple.of(
                        6,
                        picks().flatMap(p ->
                                Arbitraries.of(true, false).flatMap(g -> remote.map(r -> (Op) new Free(p, g, r))))),
                Tuple.of(2, picks().flatMap(p -> types().map(t -> (Op) new WrongBucketFree(p, t)))),
                Tuple.of(2, picks().map(p -> (Op) new FreeAgain(p))),
                Tuple.of(1, Arbitraries.just((Op) new Trim())),
                Tuple.of(2, picks().flatMap(p -> seeds.map(s -> (Op) new BadStore(p, s))))));
        return op.list().ofMaxSize(80);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.FULL)
    void generatedBucketsBehaveLikeAMapOfRecords(@ForAll("sequences") List<Op> ops) throws Exception {
        new Model().run(ops);
    }

    record Block(long address, Type type, Object value) {}

    static final class Model {
        private final List<Block> live = new ArrayList<>();
        private final TreeMap<Long, Block> byAddress = new TreeMap<>();
        private final List<Long> freed = new ArrayList<>();
        private final long baselineLive = GMalloc.stats().liveBlocks();
        private int step;

        void run(List<Op> ops) throws Exception {
            try {
                for (Op op : ops) {
                    apply(op);
                    check(op);
                    step++;
                }
            } finally {
                for (Block b : live) {
                    GMalloc.gfree(b.address);
                }
            }
            assertThat(GMalloc.stats().liveBlocks())
                    .as("live blocks back to baseline")
                    .isEqualTo(baselineLive);
        }

        private void apply(Op op) throws Exception {
            switch (op) {
                case Alloc(int t, boolean withValue, long seed, boolean remote) -> {
                    Type type = TYPES.get(t);
                    Object value = withValue ? type.value.apply(seed) : type.zero;
                    long address =
                            on(remote, () -> withValue ? type.allocValue.applyAsLong(value) : type.alloc.getAsLong());
                    assertThat(address).isNotZero();
                    assertThat(GMalloc.usableSize(address))
                            .as("usable size of a %s", type)
                            .isGreaterThanOrEqualTo(type.size);
                    if (type.special) {
                        assertThat(GMalloc.usableSize(address))
                                .as("exact stride of %s", type)
                                .isEqualTo(type.size);
                    }
                    Block b = new Block(address, type, value);
                    checkPlacement(b);
                    live.add(b);
                    byAddress.put(address, b);
                    freed.remove(address);
                }
                case Store(int pick, long seed) -> {
                    if (!live.isEmpty()) {
                        Block b = live.get(pick % live.size());
                        Object value = b.type.value.apply(seed);
                        b.type.store.accept(value, b.address);
                        replace(b, value);
                    }
                }
                case NestedWrite(int pick, long seed) -> {
                    List<Block> particles = live.stream()
                            .filter(b -> b.type.name.equals("Particle"))
                            .toList();
                    if (!particles.isEmpty()) {
                        Block b = particles.get(pick % particles.size());
                        float x = seed * 0.125f;
                        Vec3Bucket.x(ParticleBucket.velAddress(b.address), x);
                        Particle old = (Particle) b.value;
                        replace(
                                b,
                                new Particle(
                                        old.pos(),
                                        new Vec3(x, old.vel().y(), old.vel().z()),
                                        old.mass()));
                    }
                }
                case Free(int pick, boolean viaGfree, boolean remote) -> {
                    if (live.isEmpty()) {
                        return;
                    }
                    Block b = live.get(pick % live.size());
                    on(remote, () -> {
                        if (viaGfree) {
                            GMalloc.gfree(b.address);
                        } else {
                            b.type.free.accept(b.address);
                        }
                        return 0L;
                    });
                    live.remove(b);
                    byAddress.remove(b.address);
                    freed.add(b.address);
                    if (GMalloc.checkedMode()) {
                        assertThat(catchThrowable(() -> b.type.load.apply(b.address)))
                                .as("checked-mode load of a freed %s", b.type)
                                .isInstanceOf(InvalidAccessException.class);
                    }
                }
                case WrongBucketFree(int pick, int t) -> {
                    Type through = TYPES.get(t);
                    if (live.isEmpty() || !through.special) {
                        return; // a general-bucket type frees with GMalloc.gfree, which takes any block
                    }
                    Block b = live.get(pick % live.size());
                    if (b.type == through) {
                        return;
                    }
                    InvalidFreeException e =
                            catchThrowableOfType(InvalidFreeException.class, () -> through.free.accept(b.address));
                    assertThat(e)
                            .as("%s freed through %sBucket", b.type, through)
                            .isNotNull();
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_BUCKET);
                    assertThat(e.address()).isEqualTo(b.address);
                }
                case FreeAgain(int pick) -> {
                    if (freed.isEmpty()) {
                        return;
                    }
                    long address = freed.get(pick % freed.size());
                    Map.Entry<Long, Block> below = byAddress.floorEntry(address);
                    if (below != null && address < below.getKey() + below.getValue().type.size) {
                        return; // reused by a live block of another size: not a free block any more
                    }
                    InvalidFreeException e =
                            catchThrowableOfType(InvalidFreeException.class, () -> GMalloc.gfree(address));
                    assertThat(e).as("second free of 0x%x", address).isNotNull();
                    assertThat(e.address()).isEqualTo(address);
                }
                case Trim() -> GMalloc.trim();
                case BadStore(int pick, long seed) -> {
                    List<Block> vocabulary =
                            live.stream().filter(b -> b.type.badValue != null).toList();
                    if (!vocabulary.isEmpty()) {
                        Block b = vocabulary.get(pick % vocabulary.size());
                        Object bad = b.type.badValue.apply(seed);
                        assertThat(catchThrowable(() -> b.type.store.accept(bad, b.address)))
                                .as("store of %s into a %s", bad, b.type)
                                .isInstanceOf(IllegalArgumentException.class);
                    }
                }
            }
        }

        private void replace(Block b, Object value) {
            Block updated = new Block(b.address, b.type, value);
            live.set(live.indexOf(b), updated);
            byAddress.put(b.address, updated);
        }

        private void checkPlacement(Block b) {
            Map.Entry<Long, Block> below = byAddress.floorEntry(b.address);
            if (below != null) {
                assertThat(below.getKey() + below.getValue().type.size)
                        .as("%s overlaps %s", b, below.getValue())
                        .isLessThanOrEqualTo(b.address);
            }
            Map.Entry<Long, Block> above = byAddress.ceilingEntry(b.address);
            if (above != null) {
                assertThat(b.address + b.type.size)
                        .as("%s overlaps %s", b, above.getValue())
                        .isLessThanOrEqualTo(above.getKey());
            }
        }

        private void check(Op op) {
            for (Block b : live) {
                assertThat(b.type.load.apply(b.address))
                        .as("after step %d (%s): %s", step, op, b)
                        .usingRecursiveComparison()
                        .isEqualTo(b.value);
            }
            assertThat(GMalloc.stats().liveBlocks() - baselineLive)
                    .as("live blocks after step %d (%s)", step, op)
                    .isEqualTo(live.size());
        }

        private static long on(boolean remote, java.util.concurrent.Callable<Long> call) throws Exception {
            if (!remote) {
                return call.call();
            }
            try {
                return REMOTE.submit(call).get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
    }
}
