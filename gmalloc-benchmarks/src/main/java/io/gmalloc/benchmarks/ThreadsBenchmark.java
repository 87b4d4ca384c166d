package io.gmalloc.benchmarks;

import io.gmalloc.GMalloc;
import io.gmalloc.benchmarks.NativeAllocators.Glibc;
import io.gmalloc.benchmarks.NativeAllocators.Jemalloc;
import io.gmalloc.benchmarks.NativeAllocators.Mimalloc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Two threads at once, 8-byte blocks.
 *
 * <ul>
 *   <li>{@code same*}: both threads run alloc+free pairs on their own blocks (score: ns per pair per thread;
 *       compare with {@link PairBenchmark} at size 8 for the one-thread figure).
 *   <li>{@code cross*}: a producer thread allocates and hands blocks through a single-producer/single-consumer
 *       ring to a consumer thread that frees them (remote frees). The secondary result {@code transfers}
 *       counts blocks actually freed by the consumer, in blocks per microsecond (throughput mode); a full or
 *       empty ring makes a call yield and return without work, so read the {@code transfers} row, not the
 *       primary score. The yield matters on a 2-core machine with other load: a thread spinning on a full ring
 *       while its partner waits for a core turned the figure into a scheduler measurement.
 * </ul>
 */
public class ThreadsBenchmark extends BenchmarkBase {
    private static final long SIZE = 8;

    /** Creates the benchmark (JMH). */
    public ThreadsBenchmark() {}

    @Benchmark
    @Threads(2)
    public long sameGmalloc() {
        long p = GMalloc.gmalloc(SIZE);
        GMalloc.gfree(p);
        return p;
    }

    @Benchmark
    @Threads(2)
    public long sameGlibcCritical() {
        long p = Glibc.mallocCritical(SIZE);
        Glibc.freeCritical(p);
        return p;
    }

    @Benchmark
    @Threads(2)
    public long sameJemalloc() {
        long p = Jemalloc.malloc(SIZE);
        Jemalloc.free(p);
        return p;
    }

    @Benchmark
    @Threads(2)
    public long sameMimalloc() {
        long p = Mimalloc.malloc(SIZE);
        Mimalloc.free(p);
        return p;
    }

    /**
     * Single-producer/single-consumer ring of block addresses. {@code tail} is written by the producer only,
     * {@code head} by the consumer only; each publishes with a release store and reads the other's index with
     * an acquire load, which orders the plain slot accesses. Padding keeps the two indices on separate lines.
     */
    @State(Scope.Group)
    public static class Ring {
        static final int CAPACITY = 1024;
        private static final VarHandle HEAD;
        private static final VarHandle TAIL;

        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                HEAD = l.findVarHandle(Ring.class, "head", long.class);
                TAIL = l.findVarHandle(Ring.class, "tail", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final long[] slots = new long[CAPACITY];
        long p01, p02, p03, p04, p05, p06, p07;
        /** Next slot to read; consumer writes (release), producer reads (acquire). */
        volatile long head;

        long p11, p12, p13, p14, p15, p16, p17;
        /** Next slot to write; producer writes (release), consumer reads (acquire). */
        volatile long tail;

        long p21, p22, p23, p24, p25, p26, p27;

        /** Creates an empty ring (JMH). */
        public Ring() {}

        boolean full() {
            return (long) TAIL.getOpaque(this) - (long) HEAD.getAcquire(this) >= CAPACITY;
        }

        void put(long address) {
            long t = (long) TAIL.getOpaque(this);
            slots[(int) (t & (CAPACITY - 1))] = address;
            TAIL.setRelease(this, t + 1);
        }

        /** @return the oldest address, or 0 when empty */
        long take() {
            long h = (long) HEAD.getOpaque(this);
            if (h == (long) TAIL.getAcquire(this)) {
                return 0;
            }
            long address = slots[(int) (h & (CAPACITY - 1))];
            HEAD.setRelease(this, h + 1);
            return address;
        }

        /** Frees what is left once both threads stopped. */
        void drain(LongConsumer free) {
            for (long a; (a = take()) != 0; ) {
                free.accept(a);
            }
        }

        @TearDown(Level.Iteration)
        public void tearDown(Blocked ignored) {
            // Dispatch on what the producer allocated with: the group name is not visible here, so the
            // producer records the allocator it used.
            switch (ignored.kind) {
                case 1 -> drain(GMalloc::gfree);
                case 2 -> drain(Glibc::freeCritical);
                case 3 -> drain(Jemalloc::free);
                case 4 -> drain(Mimalloc::free);
                default -> {}
            }
        }
    }

    /** Which allocator filled the ring of this group (set by the producer). */
    @State(Scope.Group)
    public static class Blocked {
        int kind;

        /** Creates the marker (JMH). */
        public Blocked() {}
    }

    /** Blocks freed by the consumer: the real cross-thread throughput. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Transfers {
        /** Remote frees done in this iteration. */
        public long transfers;

        /** Creates the counter (JMH). */
        public Transfers() {}

        @Setup(Level.Iteration)
        public void reset() {
            transfers = 0;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Group("crossGmalloc")
    @GroupThreads(1)
    public void crossGmallocProducer(Ring ring, Blocked kind) {
        kind.kind = 1;
        if (!ring.full()) {
            ring.put(GMalloc.gmalloc(SIZE));
        } else {
            Thread.yield();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Group("crossGmalloc")
    @GroupThreads(1)
    public void crossGmallocConsumer(Ring ring, Transfers counter) {
        long a = ring.take();
        if (a != 0) {
            GMalloc.gfree(a);
            counter.transfers++;
        } else {
            Thread.yield();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Group("crossGlibcCritical")
    @GroupThreads(1)
    public void crossGlibcProducer(Ring ring, Blocked kind) {
        kind.kind = 2;
        if (!ring.full()) {
            ring.put(Glibc.mallocCritical(SIZE));
        } else {
            Thread.yield();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Group("crossGlibcCritical")
    @GroupThreads(1)
    public void crossGlibcConsumer(Ring ring, Transfers counter) {
        long a = ring.take();
        if (a != 0) {
            Glibc.freeCritical(a);
            counter.transfers++;
        } else {
            Thread.yield();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Group("crossJemalloc")
    @GroupThreads(1)
    public void crossJemallocProducer(Ring ring, Blocked kind) {
        kind.kind = 3;
        if (!ring.full()) {
            ring.put(Jemalloc.malloc(SIZE));
        } else {
            Thread.yield();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Group("crossJemalloc")
    @GroupThreads(1)
    public void crossJemallocConsumer(Ring ring, Transfers counter) {
        long a = ring.take();
        if (a != 0) {
            Jemalloc.free(a);
            counter.transfers++;
        } else {
            Thread.yield();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Group("crossMimalloc")
    @GroupThreads(1)
    public void crossMimallocProducer(Ring ring, Blocked kind) {
        kind.kind = 4;
        if (!ring.full()) {
            ring.put(Mimalloc.malloc(SIZE));
        } else {
            Thread.yield();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Group("crossMimalloc")
    @GroupThreads(1)
    public void crossMimallocConsumer(Ring ring, Transfers counter) {
        long a = ring.take();
        if (a != 0) {
            Mimalloc.free(a);
            counter.transfers++;
        } else {
            Thread.yield();
        }
    }
}
