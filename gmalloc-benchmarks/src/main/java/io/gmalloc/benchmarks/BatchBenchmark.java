package io.gmalloc.benchmarks;

import io.gmalloc.GMalloc;
import io.gmalloc.benchmarks.NativeAllocators.Glibc;
import io.gmalloc.benchmarks.NativeAllocators.Jemalloc;
import io.gmalloc.benchmarks.NativeAllocators.Mimalloc;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Allocate {@value #K} blocks of 8 B, then free them all, in allocation order or in a fixed random order
 * (the seed's shape 3 as a microbenchmark). Score = ns per alloc+free pair. Both orders go through the
 * same index array so only the order differs.
 */
@State(Scope.Thread)
public class BatchBenchmark extends BenchmarkBase {
    static final int K = 500;
    private static final long SIZE = 8;

    /** {@code inOrder}: free in allocation order; {@code random}: a seeded shuffle. */
    @Param({"inOrder", "random"})
    public String order;

    private final long[] blocks = new long[K];
    private final int[] freeOrder = new int[K];

    /** Creates the state (JMH). */
    public BatchBenchmark() {}

    @Setup
    public void setUp() {
        for (int i = 0; i < K; i++) {
            freeOrder[i] = i;
        }
        if (order.equals("random")) {
            Random random = new Random(42);
            for (int i = K - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = freeOrder[i];
                freeOrder[i] = freeOrder[j];
                freeOrder[j] = t;
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(K)
    public long gmalloc() {
        long[] b = blocks;
        for (int i = 0; i < K; i++) {
            b[i] = GMalloc.gmalloc(SIZE);
        }
        for (int i : freeOrder) {
            GMalloc.gfree(b[i]);
        }
        return b[K - 1];
    }

    @Benchmark
    @OperationsPerInvocation(K)
    public long glibcCritical() {
        long[] b = blocks;
        for (int i = 0; i < K; i++) {
            b[i] = Glibc.mallocCritical(SIZE);
        }
        for (int i : freeOrder) {
            Glibc.freeCritical(b[i]);
        }
        return b[K - 1];
    }

    @Benchmark
    @OperationsPerInvocation(K)
    public long jemalloc() {
        long[] b = blocks;
        for (int i = 0; i < K; i++) {
            b[i] = Jemalloc.malloc(SIZE);
        }
        for (int i : freeOrder) {
            Jemalloc.free(b[i]);
        }
        return b[K - 1];
    }

    @Benchmark
    @OperationsPerInvocation(K)
    public long mimalloc() {
        long[] b = blocks;
        for (int i = 0; i < K; i++) {
            b[i] = Mimalloc.malloc(SIZE);
        }
        for (int i : freeOrder) {
            Mimalloc.free(b[i]);
        }
        return b[K - 1];
    }
}
