package io.gmalloc.benchmarks;

import io.gmalloc.GMalloc;
import io.gmalloc.Region;
import java.lang.foreign.Arena;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The "request" shape: open a scope, make 200 allocations of mixed sizes (the same 200 in every method), free
 * everything at once. {@link Region} against {@code Arena.ofConfined()}, with a {@code GMalloc} loop that frees
 * each block as the baseline. Nothing is written into the blocks: the cost measured is the allocator's
 * (gmalloc and {@code Arena.allocate} both zero-fill).
 */
@State(Scope.Thread)
public class RequestBenchmark extends BenchmarkBase {
    /** Allocations per request. */
    static final int ALLOCATIONS = 200;

    /** 70% 8..64 B, 25% 65..512 B, 5% 513..4096 B; fixed seed. */
    private final long[] sizes = new long[ALLOCATIONS];

    private final long[] blocks = new long[ALLOCATIONS];

    /** Creates the state (JMH). */
    public RequestBenchmark() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < ALLOCATIONS; i++) {
            int kind = random.nextInt(100);
            sizes[i] =
                    kind < 70 ? random.nextInt(8, 65) : kind < 95 ? random.nextInt(65, 513) : random.nextInt(513, 4097);
        }
    }

    /** {@code Region.open()}, 200 {@code gmalloc}s, {@code close()}. */
    @Benchmark
    public long region() {
        long sum = 0;
        try (Region region = Region.open()) {
            for (long size : sizes) {
                sum += region.gmalloc(size);
            }
        }
        return sum;
    }

    /** {@code Arena.ofConfined()}, 200 {@code allocate}s, {@code close()}. */
    @Benchmark
    public long arenaConfined() {
        long sum = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (long size : sizes) {
                sum += arena.allocate(size, 8).address();
            }
        }
        return sum;
    }

    /** 200 {@code GMalloc.gmalloc}s, then 200 {@code gfree}s: what a region saves by freeing all at once. */
    @Benchmark
    public long gmalloc() {
        long sum = 0;
        for (int i = 0; i < ALLOCATIONS; i++) {
            blocks[i] = GMalloc.gmalloc(sizes[i]);
            sum += blocks[i];
        }
        for (long block : blocks) {
            GMalloc.gfree(block);
        }
        return sum;
    }
}
