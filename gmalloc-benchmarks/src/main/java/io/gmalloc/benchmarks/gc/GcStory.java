package io.gmalloc.benchmarks.gc;

import io.gmalloc.GMalloc;
import io.gmalloc.benchmarks.Vec3;
import io.gmalloc.benchmarks.Vec3Bucket;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The reason people go off-heap, measured: N live {@link Particle}s kept on the Java heap or in gmalloc's
 * {@code ParticleBucket} while a workload allocates garbage, one storage and one collector per JVM
 * ({@code bench/run} starts G1 and ZGC JVMs with the same {@code -Xmx} for both storages).
 *
 * <pre>
 *   java --enable-native-access=ALL-UNNAMED -XX:+UseZGC -Xmx2g -cp benchmarks.jar \
 *        io.gmalloc.benchmarks.gc.GcStory STORAGE(heap|gmalloc) N OPS [readonly]
 * </pre>
 *
 * Each of the OPS operations is what a request of a simulation server might do: it moves one random particle
 * (on the heap a new immutable {@code Particle} and {@code Vec3} replace the old ones, as record code does;
 * off-heap the position is written in place), and allocates the same garbage in both storages: a 256-byte
 * buffer kept in a ring of the last 65 536 (so some survive a young collection) and a small result record.
 * Only the operations are recorded: a JFR recording of {@code jdk.GarbageCollection} (count, sum of pauses,
 * longest pause per collection), {@code jdk.GCPhasePause} and {@code jdk.ZAllocationStall} (ZGC: a thread
 * that allocates faster than the collector frees waits; no pause, but time lost) runs from just before the first
 * operation to just after the last. With {@code readonly} the operations only read their particle (the live set
 * never changes; the storage is then reported as {@code heap-readonly} or {@code gmalloc-readonly}). Heap used is {@code MemoryMXBean} after a full GC with the live set in place.
 *
 * <p>Prints {@code RESULT gc storage=... collector=... n=... ops=... setupSeconds=... seconds=... cpuSeconds=... collections=...
 * pauses=... pauseTotalMs=... pauseMaxMs=... stalls=... stallMs=... heapLiveMb=... offHeapMb=... hwmMb=... checksum=...}.
 */
public final class GcStory {
    private GcStory() {}

    private static final int RING = 1 << 16;

    /** One operation's small result: garbage that dies young. */
    record Result(int index, float x, float y) {}

    /**
     * Runs one configuration.
     *
     * @param args STORAGE N OPS
     * @throws IOException if the JFR recording cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3
                || args.length > 4
                || !(args[0].equals("heap") || args[0].equals("gmalloc"))
                || (args.length == 4 && !args[3].equals("readonly"))) {
            System.err.println("usage: GcStory heap|gmalloc N OPS [readonly]");
            System.exit(1);
        }
        boolean heap = args[0].equals("heap");
        boolean readonly = args.length == 4; // operations read their particle and leave it as it is
        int n = Integer.parseInt(args[1]);
        long ops = Long.parseLong(args[2]);

        SplittableRandom random = new SplittableRandom(42);
        Particle[] onHeap = heap ? new Particle[n] : null;
        long[] offHeap = heap ? null : new long[n];
        long reservedBefore = GMalloc.stats().reservedBytes();
        long s0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Vec3 pos = new Vec3((float) random.nextDouble(-100, 100), (float) random.nextDouble(0, 100), 0);
            Vec3 vel = new Vec3((float) random.nextDouble(-5, 5), 0, (float) random.nextDouble(-5, 5));
            float mass = (float) random.nextDouble(0.5, 2);
            if (heap) {
                onHeap[i] = new Particle(pos, vel, mass);
            } else {
                offHeap[i] = ParticleBucket.alloc(new Particle(pos, vel, mass));
            }
        }
        long setupNanos = System.nanoTime() - s0;
        long offHeapBytes = GMalloc.stats().reservedBytes() - reservedBefore;
        var memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        long heapLive = memory.getHeapMemoryUsage().getUsed();

        byte[][] ring = new byte[RING][];
        float dt = 0.01f;
        double checksum = 0;
        Path jfr = Files.createTempFile("gcstory", ".jfr");
        long cpu0;
        long t0;
        long t1;
        long cpu1;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.GarbageCollection").withThreshold(Duration.ZERO);
            recording.enable("jdk.GCPhasePause").withThreshold(Duration.ZERO);
            recording.enable("jdk.ZAllocationStall").withThreshold(Duration.ZERO);
            recording.start();
            cpu0 = processCpuNanos();
            t0 = System.nanoTime();
            for (long op = 0; op < ops; op++) {
                int i = random.nextInt(n);
                float x;
                float y;
                if (heap) {
                    Particle p = onHeap[i];
                    Vec3 pos = p.pos();
                    Vec3 vel = p.vel();
                    x = pos.x() + vel.x() * dt;
                    y = pos.y() + vel.y() * dt;
                    if (!readonly) {
                        onHeap[i] = new Particle(new Vec3(x, y, pos.z() + vel.z() * dt), vel, p.mass());
                    }
                } else {
                    long pos = ParticleBucket.posAddress(offHeap[i]);
                    long vel = ParticleBucket.velAddress(offHeap[i]);
                    x = Vec3Bucket.x(pos) + Vec3Bucket.x(vel) * dt;
                    y = Vec3Bucket.y(pos) + Vec3Bucket.y(vel) * dt;
                    if (!readonly) {
                        Vec3Bucket.x(pos, x);
                        Vec3Bucket.y(pos, y);
                        Vec3Bucket.z(pos, Vec3Bucket.z(pos) + Vec3Bucket.z(vel) * dt);
                    }
                }
                byte[] buffer = new byte[256];
                buffer[i & 255] = (byte) op;
                int slot = (int) (op & (RING - 1));
                byte[] evicted = ring[slot];
                ring[slot] = buffer;
                Result result = new Result(i, x, y);
                checksum += result.x() - result.y() + (evicted == null ? 0 : evicted[i & 255]);
            }
            t1 = System.nanoTime();
            cpu1 = processCpuNanos();
            recording.stop();
            recording.dump(jfr);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
        Files.delete(jfr);
        long collections = 0;
        long pauseTotal = 0;
        long pauseMax = 0;
        long pauses = 0;
        long stalls = 0;
        long stallNanos = 0;
        for (RecordedEvent event : events) {
            switch (event.getEventType().getName()) {
                case "jdk.GarbageCollection" -> {
                    collections++;
                    pauseTotal += event.getDuration("sumOfPauses").toNanos();
                    pauseMax =
                            Math.max(pauseMax, event.getDuration("longestPause").toNanos());
                }
                case "jdk.GCPhasePause" -> pauses++;
                case "jdk.ZAllocationStall" -> {
                    stalls++;
                    stallNanos += event.getDuration().toNanos();
                }
                default -> {}
            }
        }
        String collector = collectorName();
        System.out.printf(
                Locale.ROOT,
                "RESULT gc storage=%s%s collector=%s n=%d ops=%d setupSeconds=%.3f seconds=%.3f cpuSeconds=%.3f "
                        + "collections=%d pauses=%d pauseTotalMs=%.3f pauseMaxMs=%.3f stalls=%d stallMs=%.3f "
                        + "heapLiveMb=%.1f offHeapMb=%.1f "
                        + "hwmMb=%.1f xmxMb=%d checksum=%.6e%n",
                args[0],
                readonly ? "-readonly" : "",
                collector,
                n,
                ops,
                setupNanos / 1e9,
                (t1 - t0) / 1e9,
                (cpu1 - cpu0) / 1e9,
                collections,
                pauses,
                pauseTotal / 1e6,
                pauseMax / 1e6,
                stalls,
                stallNanos / 1e6,
                heapLive / 1048576.0,
                offHeapBytes / 1048576.0,
                hwmMb(),
                Runtime.getRuntime().maxMemory() >> 20,
                checksum);
        if (heap) {
            java.lang.ref.Reference.reachabilityFence(onHeap);
        } else {
            for (long p : offHeap) {
                ParticleBucket.free(p);
            }
        }
    }

    private static String collectorName() {
        String names = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(","));
        return names.contains("ZGC") ? "ZGC" : names.startsWith("G1") ? "G1" : names.replace(' ', '_');
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    /** Peak resident set (VmHWM) in MiB, or -1 where /proc is missing. */
    private static double hwmMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
