package io.gmalloc.benchmarks.cpu;

import io.gmalloc.GMalloc;
import io.gmalloc.benchmarks.NativeAllocators.Glibc;
import io.gmalloc.benchmarks.NativeAllocators.Mimalloc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The thread-CPU-time pair harness: one JVM, every contender run round by round, interleaved, and for each the
 * minimum over all rounds of {@link ThreadMXBean#getCurrentThreadCpuTime()} per operation. This is how a shared
 * host that switches between a fast and a slow mode must be measured: wall time counts the queue for a core,
 * and only ratios measured side by side in one JVM mean anything.
 *
 * <pre>
 *   java --enable-native-access=ALL-UNNAMED -cp benchmarks.jar io.gmalloc.benchmarks.cpu.CpuPairs ROUNDS OPS [c1|noc1]
 * </pre>
 *
 * What one run measures, in this order (each a {@code CPU ...} line on standard output):
 *
 * <ol>
 *   <li>{@code compile=osr}: gmalloc 8/64/256 B pairs and the glibc 8 B pair as loops written out inside one
 *       method that is called once ({@link #osrFirstAndOnlyCall}), so they run in an on-stack-replacement compile;
 *       it runs first, before anything else has warmed the allocator's call sites.
 *   <li>{@code compile=c2}: every contender as its own static loop method, called once per round (the normal
 *       tiered compile): gmalloc pairs at 8/64/256 B; glibc {@code malloc+free} through FFM critical downcalls at
 *       the same sizes; {@code mi_zalloc+mi_free} through FFM critical downcalls when libmimalloc is installed;
 *       the bump-pointer anchor ({@link Bump}); one {@code Arena.ofConfined()} per 8-byte object; batches of 500 × 8 B (all allocated, then all freed in order) on
 *       gmalloc and glibc; and the large caller ({@link LargeCaller}), once with its pair op and once with the
 *       pair op replaced by a stand-in, the difference per pair being the pair's cost inside a large method.
 *   <li>{@code compile=c1}: unless {@code noc1} is given (or this is already the child), a child JVM with
 *       {@code -XX:TieredStopAtLevel=1} runs the {@code c2} contenders again (without the large caller) and its
 *       lines are relayed with {@code compile=c1}.
 * </ol>
 *
 * Sizes are constants at each call site, as in most programs ({@code gmalloc(8)}). A line reads {@code CPU
 * compile=K contender=NAME size=BYTES ns=MIN_NS_PER_OP rounds=R ops=OPS_PER_ROUND}; batches count one pair
 * per block. No timing is asserted here: the report writer compares.
 */
public final class CpuPairs {
    private CpuPairs() {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final int BATCH = 500;

    /** Keeps every loop's result alive. */
    private static long sink;

    /**
     * The bump-pointer anchor, exactly: a 1 MiB segment allocated once ({@link Arena#global()}); {@code alloc8}
     * takes the next 8 bytes at a static offset, stores a zero long into them (gmalloc's blocks are zeroed; one
     * store zeroes 8 bytes) and returns the block's address; when the next block would pass the end, the offset
     * starts again at 0 (the reset). There is nothing to free. The offset is a static field and every address
     * goes into the loop's checksum, so the JIT can neither drop the store nor the arithmetic.
     */
    static final class Bump {
        private Bump() {}

        static final long CAPACITY = 1 << 20;
        static final MemorySegment SEGMENT = Arena.global().allocate(CAPACITY, 16);
        static final long BASE = SEGMENT.address();
        private static long offset;

        static long alloc8() {
            long o = offset;
            if (o > CAPACITY - 8) {
                o = 0; // reset: start over at the segment's base
            }
            SEGMENT.set(ValueLayout.JAVA_LONG, o, 0L);
            offset = o + 8;
            return BASE + o;
        }
    }

    // ---- the contenders' loops (each its own method: one monomorphic, separately compiled loop) ----------------

    static long gmalloc8(int ops) {
        long sum = 0;
        for (int i = 0; i < ops; i++) {
            long p = GMalloc.gmalloc(8);
            GMalloc.gfree(p);
            sum += p;
        }
        return sum;
    }

    static long gmalloc64(int ops) {
        long sum = 0;
        for (int i = 0; i < ops; i++) {
            long p = GMalloc.gmalloc(64);
            GMalloc.gfree(p);
            sum += p;
        }
        return sum;
    }

    static long gmalloc256(int ops) {
        long sum = 0;
        for (int i = 0; i < ops; i++) {
            long p = GMalloc.gmalloc(256);
            GMalloc.gfree(p);
            sum += p;
        }
        return sum;
    }

    static long glibc8(int ops) {
        long sum = 0;
        for (int i = 0; i < ops; i++) {
            long p = Glibc.mallocCritical(8);
            Glibc.freeCritical(p);
            sum += p;
        }
        return sum;
    }

    static long glibc64(int ops) {
        long sum = 0;
        for (int i = 0; i < ops; i++) {
            long p = Glibc.mallocCritical(64);
            Glibc.freeCritical(p);
            sum += p;
        }
        return sum;
    }

    static long glibc256(int ops) {
        long sum = 0;
        for (int i = 0; i < ops; i++) {
            long p = Glibc.mallocCritical(256);
            Glibc.freeCritical(p);
            sum += p;
        }
        return sum;
    }

    static long miZalloc8(int ops) {
        long sum = 0;
        for (int i = 0; i < ops; i++) {
            long p = Mimalloc.zalloc(8);
            Mimalloc.free(p);
            sum += p;
        }
        return sum;
    }

    static long miZalloc64(int ops) {
        long sum = 0;
        for (int i = 0; i < ops; i++) {
            long p = Mimalloc.zalloc(64);
            Mimalloc.free(p);
            sum += p;
        }
        return sum;
    }

    static long miZalloc256(int ops) {
        long sum = 0;
        for (int i = 0; i < ops; i++) {
            long p = Mimalloc.zalloc(256);
            Mimalloc.free(p);
            sum += p;
        }
        return sum;
    }

    static long bump8(int ops) {
        long sum = 0;
        for (int i = 0; i < ops; i++) {
            sum += Bump.alloc8();
        }
        return sum;
    }

    /** One {@code Arena.ofConfined()} per 8-byte object, opened and closed around it (the JDK's own per-object way). */
    static long arena8(int ops) {
        long sum = 0;
        for (int i = 0; i < ops; i++) {
            try (Arena arena = Arena.ofConfined()) {
                sum += arena.allocate(8).address();
            }
        }
        return sum;
    }

    static long gmallocBatches(int batches, long[] pointers) {
        long sum = 0;
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < BATCH; i++) {
                pointers[i] = GMalloc.gmalloc(8);
            }
            sum += pointers[b % BATCH];
            for (int i = 0; i < BATCH; i++) {
                GMalloc.gfree(pointers[i]);
            }
        }
        return sum;
    }

    static long glibcBatches(int batches, long[] pointers) {
        long sum = 0;
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < BATCH; i++) {
                pointers[i] = Glibc.mallocCritical(8);
            }
            sum += pointers[b % BATCH];
            for (int i = 0; i < BATCH; i++) {
                Glibc.freeCritical(pointers[i]);
            }
        }
        return sum;
    }

    // ---- on-stack replacement --------------------------------------------------------------------------------

    /**
     * Every loop written out in this one method, called once: C2 sees the pairs only through on-stack
     * replacement. Each round times each loop in turn.
     *
     * @return minimum ns per pair: gmalloc 8, 64, 256 B, glibc 8 B
     */
    static double[] osrFirstAndOnlyCall(int rounds, int ops) {
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        long sum = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) {
                long p = GMalloc.gmalloc(8);
                GMalloc.gfree(p);
                sum += p;
            }
            long t1 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) {
                long p = GMalloc.gmalloc(64);
                GMalloc.gfree(p);
                sum += p;
            }
            long t2 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) {
                long p = GMalloc.gmalloc(256);
                GMalloc.gfree(p);
                sum += p;
            }
            long t3 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) {
                long p = Glibc.mallocCritical(8);
                Glibc.freeCritical(p);
                sum += p;
            }
            long t4 = THREADS.getCurrentThreadCpuTime();
            min[0] = Math.min(min[0], (t1 - t0) / (double) ops);
            min[1] = Math.min(min[1], (t2 - t1) / (double) ops);
            min[2] = Math.min(min[2], (t3 - t2) / (double) ops);
            min[3] = Math.min(min[3], (t4 - t3) / (double) ops);
        }
        sink += sum;
        return min;
    }

    // ---- the round-by-round harness -----------------------------------------------------------------------

    /** One contender: a loop over {@code ops} operations (pairs, or blocks of a batch). */
    record Contender(String name, int size, int ops, LongSupplier loop) {}

    /** Runs the contenders round by round (the starting one rotates) and returns each one's minimum ns per op. */
    static double[] interleave(List<Contender> contenders, int rounds) {
        int n = contenders.size();
        double[] min = new double[n];
        java.util.Arrays.fill(min, Double.MAX_VALUE);
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                int c = (r + k) % n;
                Contender ct = contenders.get(c);
                long t0 = THREADS.getCurrentThreadCpuTime();
                long s = ct.loop().getAsLong();
                long t1 = THREADS.getCurrentThreadCpuTime();
                sink += s;
                min[c] = Math.min(min[c], (t1 - t0) / (double) ct.ops());
            }
        }
        return min;
    }

    private static boolean mimallocPresent() {
        try {
            Mimalloc.free(Mimalloc.zalloc(8));
            return true;
        } catch (Throwable t) { // missing library: the class initialiser fails, and only these rows go
            return false;
        }
    }

    static List<Contender> contenders(int ops, boolean largeCaller) {
        List<Contender> c = new ArrayList<>();
        c.add(new Contender("gmalloc", 8, ops, () -> gmalloc8(ops)));
        c.add(new Contender("gmalloc", 64, ops, () -> gmalloc64(ops)));
        c.add(new Contender("gmalloc", 256, ops, () -> gmalloc256(ops)));
        c.add(new Contender("glibcCritical", 8, ops, () -> glibc8(ops)));
        c.add(new Contender("glibcCritical", 64, ops, () -> glibc64(ops)));
        c.add(new Contender("glibcCritical", 256, ops, () -> glibc256(ops)));
        if (mimallocPresent()) {
            c.add(new Contender("mimallocZeroed", 8, ops, () -> miZalloc8(ops)));
            c.add(new Contender("mimallocZeroed", 64, ops, () -> miZalloc64(ops)));
            c.add(new Contender("mimallocZeroed", 256, ops, () -> miZalloc256(ops)));
        }
        c.add(new Contender("bump", 8, ops, () -> bump8(ops)));
        c.add(new Contender("arenaConfined", 8, ops, () -> arena8(ops)));
        int batches = Math.max(1, ops / BATCH);
        long[] gp = new long[BATCH];
        long[] lp = new long[BATCH];
        c.add(new Contender("batchGmalloc", 8, batches * BATCH, () -> gmallocBatches(batches, gp)));
        c.add(new Contender("batchGlibcCritical", 8, batches * BATCH, () -> glibcBatches(batches, lp)));
        if (largeCaller) {
            LargeCaller withPair = new LargeCaller(ops, true);
            LargeCaller without = new LargeCaller(ops, false);
            c.add(new Contender("largeCallerProgram", 8, withPair.pairs(), withPair::run));
            c.add(new Contender("largeCallerBaseline", 8, without.pairs(), without::run));
        }
        return c;
    }

    private static void print(String compile, String contender, int size, double ns, int rounds, int ops) {
        System.out.printf(
                Locale.ROOT,
                "CPU compile=%s contender=%s size=%d ns=%.3f rounds=%d ops=%d%n",
                compile,
                contender,
                size,
                ns,
                rounds,
                ops);
    }

    /**
     * Runs the harness.
     *
     * @param args ROUNDS OPS [c1|noc1]: {@code c1} = this is the C1-only child (standard contenders, labelled
     *     {@code c1}); {@code noc1} = do not start the child
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: CpuPairs ROUNDS OPS [c1|noc1]");
            System.exit(1);
        }
        int rounds = Integer.parseInt(args[0]);
        int ops = Integer.parseInt(args[1]);
        String role = args.length == 3 ? args[2] : "";
        if (role.equals("c1")) {
            List<Contender> c = contenders(ops, false);
            double[] min = interleave(c, rounds);
            for (int i = 0; i < c.size(); i++) {
                print(
                        "c1",
                        c.get(i).name(),
                        c.get(i).size(),
                        min[i],
                        rounds,
                        c.get(i).ops());
            }
            return;
        }
        double[] osr = osrFirstAndOnlyCall(rounds, ops);
        print("osr", "gmalloc", 8, osr[0], rounds, ops);
        print("osr", "gmalloc", 64, osr[1], rounds, ops);
        print("osr", "gmalloc", 256, osr[2], rounds, ops);
        print("osr", "glibcCritical", 8, osr[3], rounds, ops);
        List<Contender> c = contenders(ops, true);
        double[] min = interleave(c, rounds);
        double program = Double.NaN;
        double baseline = Double.NaN;
        int largePairs = 0;
        for (int i = 0; i < c.size(); i++) {
            Contender ct = c.get(i);
            switch (ct.name()) {
                case "largeCallerProgram" -> {
                    program = min[i];
                    largePairs = ct.ops();
                }
                case "largeCallerBaseline" -> baseline = min[i];
                default -> print("c2", ct.name(), ct.size(), min[i], rounds, ct.ops());
            }
        }
        // Both programs run the same ops but for the pair; min per pair of each, the difference is the pair's.
        print("large", "gmalloc", 8, program - baseline, rounds, largePairs);
        System.out.printf(
                Locale.ROOT,
                "CPU compile=large contender=largeCallerProgram size=8 ns=%.3f rounds=%d ops=%d%n"
                        + "CPU compile=large contender=largeCallerBaseline size=8 ns=%.3f rounds=%d ops=%d%n",
                program,
                rounds,
                largePairs,
                baseline,
                rounds,
                largePairs);
        System.out.flush();
        if (!role.equals("noc1")) {
            System.exit(c1Child(rounds, ops));
        }
        if (sink == 42) {
            System.err.println("(checksum " + sink + ")");
        }
    }

    /** Runs the C1-only child JVM and relays its lines; returns its exit code. */
    private static int c1Child(int rounds, int ops) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xm") || a.startsWith("-Dgmalloc.") || a.startsWith("-Dbench."))
                .toList());
        cmd.addAll(List.of(
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CpuPairs.class.getName(),
                Integer.toString(rounds),
                Integer.toString(ops),
                "c1"));
        Process child = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                System.out.println(line);
            }
        }
        return child.waitFor();
    }
}
