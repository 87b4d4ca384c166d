package io.gmalloc.examples;

import io.gmalloc.GMalloc;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The demo's GC section: the same live {@link Particle}s kept on the heap and in {@code ParticleBucket} while a
 * workload allocates garbage, with the collections and the collector's pause time of each
 * ({@link GarbageCollectorMXBean}s) printed side by side. Both run in the demo's one JVM, one after the other;
 * {@code docs/gc.md} has the careful version (a fresh JVM per configuration, G1 and ZGC, pauses from JFR).
 */
final class GcDemo {
    private GcDemo() {}

    private static final int RING = 1 << 16;

    /** Collections and milliseconds of the collectors' pause beans (not G1's or ZGC's concurrent cycles). */
    private record GcTotals(long collections, long millis) {
        static GcTotals now() {
            long count = 0;
            long time = 0;
            for (GarbageCollectorMXBean bean : pauseBeans()) {
                count += Math.max(0, bean.getCollectionCount());
                time += Math.max(0, bean.getCollectionTime());
            }
            return new GcTotals(count, time);
        }

        GcTotals minus(GcTotals before) {
            return new GcTotals(collections - before.collections, millis - before.millis);
        }
    }

    private static List<GarbageCollectorMXBean> pauseBeans() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(b -> !b.getName().contains("Cycles") && !b.getName().contains("Concurrent"))
                .toList();
    }

    /**
     * Runs the section.
     *
     * @param out where the report goes
     * @param count live particles
     * @param ops operations of the garbage workload
     */
    static void run(PrintStream out, int count, long ops) {
        String collectors = String.join(
                ", ", pauseBeans().stream().map(GarbageCollectorMXBean::getName).toList());
        out.printf(
                Locale.ROOT,
                "%n== the GC story: %,d live Particles while %,d operations allocate garbage ==%n",
                count,
                ops);
        out.println("each operation moves one particle (heap: a new record replaces it; gmalloc: written in place)");
        out.println("and allocates the same garbage (a 256 B buffer kept in a ring of 65,536, a small record).");
        out.printf(
                Locale.ROOT,
                "collector pause beans: %s; one JVM for both rows (docs/gc.md: a JVM per row, G1 and ZGC)%n",
                collectors);
        out.printf(
                Locale.ROOT, "%-24s %12s %12s %14s %10s%n", "storage", "ms", "collections", "GC pause ms", "checksum");
        row(out, "records on the heap", true, count, ops);
        row(out, "records in gmalloc", false, count, ops);
    }

    private static void row(PrintStream out, String name, boolean heap, int count, long ops) {
        SplittableRandom random = new SplittableRandom(1);
        Particle[] onHeap = heap ? new Particle[count] : null;
        long[] offHeap = heap ? null : new long[count];
        for (int i = 0; i < count; i++) {
            Particle p = new Particle(new Vec3(i, 1, 0), new Vec3(1, 0, 1), 1);
            if (heap) {
                onHeap[i] = p;
            } else {
                offHeap[i] = ParticleBucket.alloc(p);
            }
        }
        ManagementFactory.getMemoryMXBean().gc();
        byte[][] ring = new byte[RING][];
        float dt = 0.01f;
        double checksum = 0;
        GcTotals before = GcTotals.now();
        long t0 = System.nanoTime();
        for (long op = 0; op < ops; op++) {
            int i = random.nextInt(count);
            float x;
            if (heap) {
                Particle p = onHeap[i];
                x = p.pos().x() + p.vel().x() * dt;
                onHeap[i] = new Particle(
                        new Vec3(x, p.pos().y(), p.pos().z() + p.vel().z() * dt), p.vel(), p.mass());
            } else {
                long pos = ParticleBucket.posAddress(offHeap[i]);
                long vel = ParticleBucket.velAddress(offHeap[i]);
                x = Vec3Bucket.x(pos) + Vec3Bucket.x(vel) * dt;
                Vec3Bucket.x(pos, x);
                Vec3Bucket.z(pos, Vec3Bucket.z(pos) + Vec3Bucket.z(vel) * dt);
            }
            byte[] buffer = new byte[256];
            buffer[i & 255] = (byte) op;
            int slot = (int) (op & (RING - 1));
            byte[] evicted = ring[slot];
            ring[slot] = buffer;
            Vec3 result = new Vec3(x, i, evicted == null ? 0 : evicted[i & 255]);
            checksum += result.x() + result.z();
        }
        long nanos = System.nanoTime() - t0;
        GcTotals gc = GcTotals.now().minus(before);
        out.printf(
                Locale.ROOT,
                "%-24s %12d %12d %14d %10.3e%n",
                name,
                nanos / 1_000_000,
                gc.collections(),
                gc.millis(),
                checksum);
        if (!heap) {
            for (long p : offHeap) {
                ParticleBucket.free(p);
            }
            GMalloc.trim();
        }
        java.lang.ref.Reference.reachabilityFence(onHeap);
    }
}
