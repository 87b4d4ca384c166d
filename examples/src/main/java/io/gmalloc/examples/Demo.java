package io.gmalloc.examples;

import io.gmalloc.BucketStats;
import io.gmalloc.GMalloc;
import io.gmalloc.GMallocStats;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The gmalloc demo ({@code ./mvnw -q -Pdemo -DskipTests package}): three million {@link Vec3}s stored three ways
 * (Java heap records, the general 16-byte bucket, the generated exact 12-byte bucket) with memory and time measured,
 * a particle simulation on {@link Particle}s that live off-heap, and a million-block mixed-size workload on the
 * general {@code gmalloc}/{@code gfree} API; then the GC story in brief ({@link GcDemo}).
 *
 * <p>Every figure printed is measured: heap bytes are {@link MemoryMXBean} heap usage after a full GC, off-heap
 * bytes are {@link GMalloc#stats()} deltas, times are wall clock. Nothing is computed from sizes.
 */
public final class Demo {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final PrintStream out;

    private Demo(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs the demo at full size.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out, 3_000_000, 1_000_000, 20, 2_000_000);
    }

    /**
     * Runs the demo.
     *
     * @param out where the report goes
     * @param vectors {@code Vec3}s stored each way
     * @param particles particles simulated
     * @param steps simulation steps
     * @param mixedBlocks blocks of the mixed-size workload
     */
    public static void run(PrintStream out, int vectors, int particles, int steps, int mixedBlocks) {
        Demo demo = new Demo(out);
        demo.compareStorage(vectors);
        demo.simulate(particles, steps);
        demo.mixedSizes(mixedBlocks);
        GcDemo.run(out, particles, 5L * particles);
    }

    // ---- 1. one Vec3 three ways ---------------------------------------------------------------------------------

    /** One measured way of storing the vectors. */
    record Row(
            String name,
            long count,
            long heapBytes,
            long offHeapBytes,
            long fillNanos,
            long sumNanos,
            long freeNanos,
            double checksum) {
        double heapPerObject() {
            return (double) heapBytes / count;
        }

        double offHeapPerObject() {
            return (double) offHeapBytes / count;
        }

        double totalPerObject() {
            return heapPerObject() + offHeapPerObject();
        }
    }

    private void compareStorage(int count) {
        // Warm-up so the JIT compiles the loops and the first arenas exist before anything is measured.
        for (int round = 0; round < 3; round++) {
            onHeap(Math.min(count, 200_000));
            offHeap("warm", Math.min(count, 200_000), () -> GMalloc.gmalloc(Vec3Bucket.SIZE), GMalloc::gfree);
            offHeap("warm", Math.min(count, 200_000), Vec3Bucket::alloc, Vec3Bucket::free);
            contiguous(Math.min(count, 200_000));
        }
        GMalloc.trim();

        List<Row> rows = List.of(
                onHeap(count),
                offHeap("gmalloc general 16 B bucket", count, () -> GMalloc.gmalloc(Vec3Bucket.SIZE), GMalloc::gfree),
                offHeap("Vec3Bucket (special, 12 B)", count, Vec3Bucket::alloc, Vec3Bucket::free),
                contiguous(count));

        out.printf(Locale.ROOT, "%n== %,d x Vec3(float x, float y, float z): where do the bytes go? ==%n", count);
        out.println("heap = MemoryMXBean heap used after full GC (record objects + the Vec3[] or long[] of handles);");
        out.println("the contiguous array needs no handles: elements are addressed by index.");
        out.println("off-heap = GMalloc.stats().reservedBytes delta while all blocks are live. All measured.");
        out.println();
        out.printf(
                Locale.ROOT,
                "%-32s %10s %10s %10s %10s %12s %8s %8s%n",
                "storage",
                "heap B/obj",
                "off B/obj",
                "total B",
                "total MiB",
                "alloc+fill",
                "sum",
                "free");
        for (Row row : rows) {
            out.printf(
                    Locale.ROOT,
                    "%-32s %10.1f %10.1f %10.1f %10.1f %10d ms %5d ms %s%n",
                    row.name(),
                    row.heapPerObject(),
                    row.offHeapPerObject(),
                    row.totalPerObject(),
                    (row.heapBytes() + row.offHeapBytes()) / 1048576.0,
                    row.fillNanos() / 1_000_000,
                    row.sumNanos() / 1_000_000,
                    row.freeNanos() < 0
                            ? "   (GC)"
                            : String.format(Locale.ROOT, "%5d ms", row.freeNanos() / 1_000_000));
        }
        out.println();
        double widest = rows.stream().mapToDouble(Row::totalPerObject).max().orElse(1);
        out.println("bytes per object (# = Java heap, = = off-heap)");
        for (Row row : rows) {
            int heapBar = (int) Math.round(row.heapPerObject() / widest * 50);
            int offBar = (int) Math.round(row.offHeapPerObject() / widest * 50);
            out.printf(
                    Locale.ROOT,
                    "%-32s |%s%s %.1f%n",
                    row.name(),
                    "#".repeat(heapBar),
                    "=".repeat(offBar),
                    row.totalPerObject());
        }
        Row general = rows.get(1);
        Row special = rows.get(2);
        out.printf(
                Locale.ROOT,
                "off-heap: special bucket / general bucket = %.2f (same accessors, same data)%n",
                special.offHeapPerObject() / general.offHeapPerObject());
        out.println();
        out.println("time for alloc+fill and one summing pass, ms (free not included: the heap frees by GC)");
        double slowest =
                rows.stream().mapToLong(r -> r.fillNanos() + r.sumNanos()).max().orElse(1);
        for (Row row : rows) {
            long nanos = row.fillNanos() + row.sumNanos();
            out.printf(
                    Locale.ROOT,
                    "%-32s |%s %d%n",
                    row.name(),
                    "*".repeat((int) Math.round(nanos / slowest * 50)),
                    nanos / 1_000_000);
        }
        double checksum = rows.getFirst().checksum();
        for (Row row : rows) {
            if (row.checksum() != checksum) {
                throw new IllegalStateException("checksums differ: " + rows);
            }
        }
    }

    private Row onHeap(int count) {
        long heapBefore = heapUsedAfterGc();
        long t0 = System.nanoTime();
        Vec3[] vectors = new Vec3[count];
        for (int i = 0; i < count; i++) {
            vectors[i] = new Vec3(i, i * 0.5f, -i);
        }
        long t1 = System.nanoTime();
        double sum = 0;
        for (Vec3 v : vectors) {
            sum += v.x() + v.y() + v.z();
        }
        long t2 = System.nanoTime();
        long heapAfter = heapUsedAfterGc();
        java.lang.ref.Reference.reachabilityFence(vectors);
        return new Row("Java heap records (Vec3[])", count, heapAfter - heapBefore, 0, t1 - t0, t2 - t1, -1, sum);
    }

    private Row offHeap(String name, int count, LongSupplier alloc, LongConsumer free) {
        long heapBefore = heapUsedAfterGc();
        GMallocStats before = GMalloc.stats();
        long t0 = System.nanoTime();
        long[] addresses = new long[count];
        for (int i = 0; i < count; i++) {
            long address = alloc.getAsLong();
            Vec3Bucket.x(address, i);
            Vec3Bucket.y(address, i * 0.5f);
            Vec3Bucket.z(address, -i);
            addresses[i] = address;
        }
        long t1 = System.nanoTime();
        double sum = 0;
        for (long address : addresses) {
            sum += Vec3Bucket.x(address) + Vec3Bucket.y(address) + Vec3Bucket.z(address);
        }
        long t2 = System.nanoTime();
        GMallocStats after = GMalloc.stats();
        long heapAfter = heapUsedAfterGc();
        long t3 = System.nanoTime();
        for (long address : addresses) {
            free.accept(address);
        }
        long t4 = System.nanoTime();
        GMalloc.trim();
        return new Row(
                name,
                count,
                heapAfter - heapBefore,
                after.reservedBytes() - before.reservedBytes(),
                t1 - t0,
                t2 - t1,
                t4 - t3,
                sum);
    }

    /** One {@code Vec3Bucket.allocArray} block: no handle per element, elements addressed by index. */
    private Row contiguous(int count) {
        long heapBefore = heapUsedAfterGc();
        GMallocStats before = GMalloc.stats();
        long t0 = System.nanoTime();
        long base = Vec3Bucket.allocArray(count);
        for (int i = 0; i < count; i++) {
            long address = Vec3Bucket.elementAddress(base, i);
            Vec3Bucket.x(address, i);
            Vec3Bucket.y(address, i * 0.5f);
            Vec3Bucket.z(address, -i);
        }
        long t1 = System.nanoTime();
        double sum = 0;
        for (int i = 0; i < count; i++) {
            long address = Vec3Bucket.elementAddress(base, i);
            sum += Vec3Bucket.x(address) + Vec3Bucket.y(address) + Vec3Bucket.z(address);
        }
        long t2 = System.nanoTime();
        GMallocStats after = GMalloc.stats();
        long heapAfter = heapUsedAfterGc();
        long t3 = System.nanoTime();
        Vec3Bucket.freeArray(base);
        long t4 = System.nanoTime();
        GMalloc.trim();
        return new Row(
                "Vec3Bucket.allocArray (1 block)",
                count,
                heapAfter - heapBefore,
                after.reservedBytes() - before.reservedBytes(),
                t1 - t0,
                t2 - t1,
                t4 - t3,
                sum);
    }

    private static long heapUsedAfterGc() {
        for (int i = 0; i < 2; i++) {
            MEMORY.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    // ---- 2. a particle simulation off-heap ----------------------------------------------------------------------

    private void simulate(int count, int steps) {
        SplittableRandom random = new SplittableRandom(42);
        GMallocStats before = GMalloc.stats();
        long[] particles = new long[count];
        for (int i = 0; i < count; i++) {
            long p = ParticleBucket.alloc();
            long pos = ParticleBucket.posAddress(p);
            long vel = ParticleBucket.velAddress(p);
            Vec3Bucket.x(pos, (float) random.nextDouble(-100, 100));
            Vec3Bucket.y(pos, (float) random.nextDouble(0, 100));
            Vec3Bucket.z(pos, (float) random.nextDouble(-100, 100));
            Vec3Bucket.x(vel, (float) random.nextDouble(-5, 5));
            Vec3Bucket.z(vel, (float) random.nextDouble(-5, 5));
            ParticleBucket.mass(p, (float) random.nextDouble(0.5, 2));
            particles[i] = p;
        }
        long reserved = GMalloc.stats().reservedBytes() - before.reservedBytes();
        float dt = 0.05f;
        float gravity = -9.81f;
        long t0 = System.nanoTime();
        for (int step = 0; step < steps; step++) {
            for (long p : particles) {
                long pos = ParticleBucket.posAddress(p);
                long vel = ParticleBucket.velAddress(p);
                float vy = Vec3Bucket.y(vel) + gravity * dt;
                float x = Vec3Bucket.x(pos) + Vec3Bucket.x(vel) * dt;
                float y = Vec3Bucket.y(pos) + vy * dt;
                float z = Vec3Bucket.z(pos) + Vec3Bucket.z(vel) * dt;
                if (y < 0) { // bounce off the floor, losing 10 % of the vertical speed
                    y = -y;
                    vy = -vy * 0.9f;
                }
                Vec3Bucket.x(pos, x);
                Vec3Bucket.y(pos, y);
                Vec3Bucket.z(pos, z);
                Vec3Bucket.y(vel, vy);
            }
        }
        long nanos = System.nanoTime() - t0;
        double kinetic = 0;
        double height = 0;
        for (long p : particles) {
            Particle particle = ParticleBucket.load(p);
            Vec3 v = particle.vel();
            kinetic += 0.5 * particle.mass() * (v.x() * v.x() + v.y() * v.y() + v.z() * v.z());
            height += particle.pos().y();
        }
        out.printf(
                Locale.ROOT,
                "%n== particle simulation: %,d x Particle(Vec3 pos, Vec3 vel, float mass), %d steps ==%n",
                count,
                steps);
        out.printf(
                Locale.ROOT,
                "ParticleBucket.SIZE = %d B; off-heap reserved %.1f MiB = %.1f B/particle (measured)%n",
                ParticleBucket.SIZE,
                reserved / 1048576.0,
                (double) reserved / count);
        out.printf(
                Locale.ROOT,
                "%.1f ns per particle-step; mean height %.2f m, kinetic energy %.3e J%n",
                (double) nanos / count / steps,
                height / count,
                kinetic);
        out.printf(Locale.ROOT, "particle 0 read back as a record: %s%n", ParticleBucket.load(particles[0]));
        for (long p : particles) {
            ParticleBucket.free(p);
        }
        GMalloc.trim();

        // The same data through an interface: one flyweight walks a contiguous array of Body structs.
        long bodies = BodyBucket.allocArray(count);
        BodyBucket.Ref body = BodyBucket.ref(bodies);
        long t1 = System.nanoTime();
        for (long i = 0; i < count; i++) {
            body.moveTo(BodyBucket.elementAddress(bodies, i));
            body.mass(1 + (i & 7));
            body.active((i & 1) == 0);
        }
        double weight = 0;
        for (long i = 0; i < count; i++) {
            if (body.moveTo(BodyBucket.elementAddress(bodies, i)).active()) {
                weight += body.weight();
            }
        }
        long t2 = System.nanoTime();
        BodyBucket.freeArray(bodies);
        out.printf(
                Locale.ROOT,
                "interface Body through one BodyBucket.Ref over allocArray(%,d) x %d B: total active "
                        + "weight %.0f N in %d ms%n",
                count,
                BodyBucket.SIZE,
                weight,
                (t2 - t1) / 1_000_000);
    }

    // ---- 3. the general API: mixed sizes ------------------------------------------------------------------------

    private void mixedSizes(int count) {
        SplittableRandom random = new SplittableRandom(7);
        long[] blocks = new long[count];
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long size = mixedSize(random);
            long address = GMalloc.gmalloc(size);
            GMalloc.segment(address).set(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, 0, i);
            blocks[i] = address;
        }
        long t1 = System.nanoTime();
        out.printf(
                Locale.ROOT,
                "%n== general API: %,d gmalloc blocks of mixed sizes (8..512 B, 1 %% up to 4 KiB) ==%n",
                count);
        out.printf(Locale.ROOT, "allocated and touched in %d ms%n", (t1 - t0) / 1_000_000);
        printStats("all live", GMalloc.stats());
        for (int i = 0; i < count; i += 2) {
            GMalloc.gfree(blocks[i]);
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < count; i += 2) {
            blocks[i] = GMalloc.gmalloc(mixedSize(random));
        }
        long t3 = System.nanoTime();
        out.printf(
                Locale.ROOT,
                "freed every other block (%d ms) and allocated as many again (%d ms)%n",
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000);
        for (int i = 1; i < count; i += 2) {
            if (GMalloc.segment(blocks[i]).get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, 0) != i) {
                throw new IllegalStateException("block " + i + " lost its contents");
            }
        }
        for (long address : blocks) {
            GMalloc.gfree(address);
        }
        long t4 = System.nanoTime();
        out.printf(Locale.ROOT, "freed everything in %d ms%n", (t4 - t3) / 1_000_000);
        printStats("all freed", GMalloc.stats());
        long released = GMalloc.trim();
        printStats("after trim() released " + mib(released), GMalloc.stats());
    }

    private static long mixedSize(SplittableRandom random) {
        int dice = random.nextInt(100);
        if (dice == 0) {
            return random.nextInt(513, 4097);
        }
        if (dice < 10) {
            return random.nextInt(129, 513);
        }
        return random.nextInt(1, 129);
    }

    private void printStats(String when, GMallocStats stats) {
        List<String> busiest = new ArrayList<>();
        stats.buckets().stream()
                .filter(b -> b.liveBlocks() > 0 || b.dedicated())
                .sorted((a, b) -> Long.compare(b.liveBlocks() + b.freeBlocks(), a.liveBlocks() + a.freeBlocks()))
                .limit(4)
                .forEach(b -> busiest.add(bucket(b)));
        out.printf(
                Locale.ROOT,
                "  stats %-28s reserved %9s, committed %9s, live %9s in %,d blocks (%,d large), " + "%d heap(s)%n",
                when + ":",
                mib(stats.reservedBytes()),
                mib(stats.committedBytes()),
                mib(stats.liveBytes()),
                stats.liveBlocks(),
                stats.largeAllocations(),
                stats.heaps());
        out.printf(Locale.ROOT, "        buckets: %s%n", String.join(", ", busiest));
    }

    private static String bucket(BucketStats b) {
        return String.format(
                Locale.ROOT,
                "%s%d B: %,d live/%,d free in %d arenas",
                b.dedicated() ? "special " : "",
                b.blockSize(),
                b.liveBlocks(),
                b.freeBlocks(),
                b.arenas());
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
