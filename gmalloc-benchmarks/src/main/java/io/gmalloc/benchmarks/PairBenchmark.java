package io.gmalloc.benchmarks;

import io.gmalloc.GMalloc;
import io.gmalloc.benchmarks.NativeAllocators.Glibc;
import io.gmalloc.benchmarks.NativeAllocators.Jemalloc;
import io.gmalloc.benchmarks.NativeAllocators.Mimalloc;
import java.lang.foreign.Arena;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One allocation followed by its free, same thread, for each anchor as a sibling method (docs/design.md §6:
 * "alloc+free pair 8..512 B"). The address is returned so nothing is dead code; no block is touched
 * beyond what the allocator itself does (gmalloc zero-fills, malloc does not: that is the contract).
 */
@State(Scope.Thread)
public class PairBenchmark extends BenchmarkBase {
    /** Bytes asked for. */
    @Param({"8", "16", "64", "256", "512"})
    public int size;

    /** Creates the state (JMH). */
    public PairBenchmark() {}

    @Benchmark
    public long gmalloc() {
        long p = GMalloc.gmalloc(size);
        GMalloc.gfree(p);
        return p;
    }

    @Benchmark
    public long glibc() {
        long p = Glibc.malloc(size);
        Glibc.free(p);
        return p;
    }

    @Benchmark
    public long glibcCritical() {
        long p = Glibc.mallocCritical(size);
        Glibc.freeCritical(p);
        return p;
    }

    @Benchmark
    public long jemalloc() {
        long p = Jemalloc.malloc(size);
        Jemalloc.free(p);
        return p;
    }

    @Benchmark
    public long mimalloc() {
        long p = Mimalloc.malloc(size);
        Mimalloc.free(p);
        return p;
    }

    /** Zeroed like gmalloc's blocks: {@code mi_zalloc} (informative; docs/design.md §6 compares with plain malloc). */
    @Benchmark
    public long mimallocZeroed() {
        long p = Mimalloc.zalloc(size);
        Mimalloc.free(p);
        return p;
    }

    /** Zeroed like gmalloc's blocks: glibc {@code calloc(1, size)}, critical downcall. */
    @Benchmark
    public long glibcCalloc() {
        long p = Glibc.callocCritical(size);
        Glibc.freeCritical(p);
        return p;
    }

    /** The JDK's own answer for one off-heap object: a confined arena per object. */
    @Benchmark
    public long arenaConfined() {
        try (Arena arena = Arena.ofConfined()) {
            return arena.allocate(size, 8).address();
        }
    }

    /** {@code new} of an equivalent heap object: records of 1 and 2 longs, a {@code long[]} beyond. */
    @Benchmark
    public Object heap() {
        return switch (size) {
            case 8 -> new HeapObjects.L1(size);
            case 16 -> new HeapObjects.L2(size, size);
            default -> new long[size >>> 3];
        };
    }
}
