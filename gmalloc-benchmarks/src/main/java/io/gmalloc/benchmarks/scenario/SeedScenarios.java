package io.gmalloc.benchmarks.scenario;

import io.gmalloc.GMalloc;
import io.gmalloc.GMallocStats;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The seed's three shapes as whole processes (one shape, one allocator per JVM; {@code bench/run} starts a
 * fresh JVM for each), plus the Vec3 memory check. Mirrors {@code bench/native/shapes.c} line for line.
 *
 * <pre>
 *   java --enable-native-access=ALL-UNNAMED -cp benchmarks.jar io.gmalloc.benchmarks.scenario.SeedScenarios \
 *        SHAPE N THREADS ALLOCATOR
 *   shape 1: N x alloc(8) into a long[], each block touched, then all freed
 *   shape 2: THREADS threads, N/THREADS x alloc(8) each, touched, never freed
 *   shape 3: N rounds of {500 x alloc(8), 500 x free}, freed in allocation order
 *   shape vec3: N x 12-byte Vec3 blocks kept live (ALLOCATOR vec3 = dedicated bucket, gmalloc = 16-byte bucket)
 * </pre>
 *
 * Prints {@code RESULT lang=java impl=... shape=... n=... threads=... seconds=... cpuSeconds=... startRssKb=...
 * hwmKb=... growthMb=... checksum=...} where growth = VmHWM at the end - VmRSS at start - the pointer array, and
 * cpuSeconds = CPU time of the threads that ran the shape (a cross-check on a shared machine, where wall time
 * also counts time spent waiting for a core).
 * The time covers the shape only: JIT warm-up included, as a real program would pay it; the one-time linkage of
 * the allocator (first use) is not. That is the "first call" figure: each shape's loops run in a method's
 * first call, timed from just after first use. Shapes 1–3 then run once more in the same JVM and add
 * {@code warmSeconds=... warmCpuSeconds=...} (the loops compiled by then; {@code -Dbench.noWarm=true} leaves
 * the second run out). Peak RSS is read before the second run.
 */
public final class SeedScenarios {
    private SeedScenarios() {}

    static final int BATCH = 500;

    /** A large block gmalloc maps with the downcalls its slabs use (see the warm-up in {@link #main}). */
    static final long LINK_BYTES = 2L << 20;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds spent by the threads that ran the shape (JIT and GC threads excluded). */
    private static final java.util.concurrent.atomic.AtomicLong WORK_CPU_NANOS =
            new java.util.concurrent.atomic.AtomicLong();

    @SuppressWarnings("restricted") // touches blocks the scenario itself allocated
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    /**
     * Runs one scenario.
     *
     * @param args SHAPE N THREADS ALLOCATOR
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: SeedScenarios SHAPE(1|2|3|vec3) N THREADS ALLOCATOR");
            System.exit(1);
        }
        String shape = args[0];
        long n = Long.parseLong(args[1]);
        int threads = Integer.parseInt(args[2]);
        String impl = args[3];
        RawAllocator allocator = RawAllocator.named(impl);

        // One call before the clock starts: links the FFM downcalls / initialises the allocator, a one-time
        // start-up cost (~0.1 s for FFM linkage) that is not what the shapes measure. JIT warm-up stays in.
        allocator.free(allocator.malloc(shape.equals("vec3") ? 12 : 8));
        if (impl.equals("gmalloc") || impl.equals("vec3")) {
            // gmalloc's first use links nothing (its first small slabs come from an Arena): its FFM linkage happens
            // at the first mmap. A 2 MiB block is mapped with the same downcalls as a slab (mmap, munmap, madvise),
            // so this links them here, as the first call above links the other allocators' downcalls. Without it
            // the shape pays the linker (~0.1-0.2 s, ~12 MB of RSS) and in shape 2 the second thread waits for it.
            GMalloc.gfree(GMalloc.gmalloc(LINK_BYTES));
        }
        long startRss = statusKb("VmRSS");
        long pointerBytes = 0;
        long t0 = System.nanoTime();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long checksum;
        switch (shape) {
            case "1" -> {
                pointerBytes = 8 * n;
                checksum = shape1(allocator, n);
            }
            case "2" -> checksum = shape2(allocator, n, threads);
            case "3" -> checksum = shape3(allocator, n);
            case "vec3" -> {
                pointerBytes = 8 * n;
                checksum = vec3(allocator, n);
            }
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!shape.equals("2")) {
            WORK_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
        }
        double cpuSeconds = WORK_CPU_NANOS.get() / 1e9;
        long hwm = statusKb("VmHWM");
        double growthMb = (hwm - startRss - pointerBytes / 1024) / 1024.0;
        // Warm: the same shape again in this JVM (its loops compiled now); after the peak RSS was read, so the
        // memory figures stay the first call's. Shape 2 allocates N more blocks (it never frees).
        String warm = "";
        if (!shape.equals("vec3") && !Boolean.getBoolean("bench.noWarm")) {
            WORK_CPU_NANOS.set(0);
            long w0 = System.nanoTime();
            long wcpu0 = THREADS.getCurrentThreadCpuTime();
            checksum += switch (shape) {
                case "1" -> shape1(allocator, n);
                case "2" -> shape2(allocator, n, threads);
                default -> shape3(allocator, n);
            };
            double warmSeconds = (System.nanoTime() - w0) / 1e9;
            if (!shape.equals("2")) {
                WORK_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - wcpu0);
            }
            warm = String.format(
                    Locale.ROOT, " warmSeconds=%.4f warmCpuSeconds=%.4f", warmSeconds, WORK_CPU_NANOS.get() / 1e9);
        }
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "RESULT lang=java impl=%s shape=%s n=%d threads=%d seconds=%.4f cpuSeconds=%.4f startRssKb=%d hwmKb=%d growthMb=%.1f checksum=%d",
                impl,
                shape,
                n,
                shape.equals("2") ? threads : 1,
                seconds,
                cpuSeconds,
                startRss,
                hwm,
                growthMb,
                checksum));
        line.append(warm);
        if (impl.equals("gmalloc") || impl.equals("vec3")) {
            GMallocStats stats = GMalloc.stats();
            line.append(String.format(
                    Locale.ROOT,
                    " reservedMb=%.1f committedMb=%.1f",
                    stats.reservedBytes() / 1048576.0,
                    stats.committedBytes() / 1048576.0));
        }
        System.out.println(line);
    }

    static long shape1(RawAllocator a, long n) {
        long[] pointers = new long[Math.toIntExact(n)];
        for (int i = 0; i < pointers.length; i++) {
            long p = a.malloc(8);
            ALL.set(ValueLayout.JAVA_LONG_UNALIGNED, p, i); // touch
            pointers[i] = p;
        }
        long sum = 0;
        for (long p : pointers) {
            sum += ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, p);
            a.free(p);
        }
        return sum;
    }

    static long shape2(RawAllocator a, long n, int threads) throws InterruptedException {
        long[] sums = new long[threads * 8]; // one slot per 64-byte line: no false sharing between workers
        CountDownLatch start = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long count = n / threads + (t < n % threads ? 1 : 0);
            int slot = t * 8;
            workers[t] = Thread.ofPlatform().name("shape2-" + t).start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long sum = 0;
                for (long i = 0; i < count; i++) {
                    long p = a.malloc(8);
                    ALL.set(ValueLayout.JAVA_LONG_UNALIGNED, p, i); // touch
                    sum += p;
                }
                sums[slot] = sum;
                WORK_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
            });
        }
        start.countDown();
        long sum = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            sum += sums[t * 8];
        }
        return sum;
    }

    static long shape3(RawAllocator a, long rounds) {
        long[] pointers = new long[BATCH];
        long sum = 0;
        for (long r = 0; r < rounds; r++) {
            for (int i = 0; i < BATCH; i++) {
                pointers[i] = a.malloc(8);
            }
            sum += pointers[(int) (r % BATCH)];
            for (int i = 0; i < BATCH; i++) {
                a.free(pointers[i]);
            }
        }
        return sum;
    }

    static long vec3(RawAllocator a, long n) {
        long[] pointers = new long[Math.toIntExact(n)];
        for (int i = 0; i < pointers.length; i++) {
            long p = a.malloc(12);
            ALL.set(ValueLayout.JAVA_INT_UNALIGNED, p, i); // touch
            pointers[i] = p;
        }
        long sum = 0;
        for (long p : pointers) {
            sum += ALL.get(ValueLayout.JAVA_INT_UNALIGNED, p);
        }
        return sum; // blocks stay live: the peak is what is measured
    }

    /** A field of /proc/self/status in kB, or -1 when unavailable (not Linux). */
    static long statusKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(
                            line.substring(key.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
