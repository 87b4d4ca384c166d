package io.gmalloc.benchmarks;

import io.gmalloc.GMalloc;
import io.gmalloc.Region;
import java.lang.foreign.Arena;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The region pair next to the {@code GMalloc} pair and {@code Arena.ofConfined()} (docs/design.md §6: "a Region's
 * pair ≤ 0.7× the GMalloc pair"): one allocation and its free, same thread, in a region opened once per trial.
 * A region holds its heap, so its fast path needs no thread lookup.
 */
@State(Scope.Thread)
public class RegionBenchmark extends BenchmarkBase {
    /** Bytes asked for. */
    @Param({"8", "64", "256"})
    public int size;

    private Region region;

    /** Creates the state (JMH). */
    public RegionBenchmark() {}

    /** Opens the region the pair methods use. */
    @Setup(Level.Trial)
    public void open() {
        region = Region.open();
    }

    /** Closes it. */
    @TearDown(Level.Trial)
    public void close() {
        region.close();
    }

    /** {@code region.gmalloc} + {@code region.free}. */
    @Benchmark
    public long region() {
        long p = region.gmalloc(size);
        region.free(p);
        return p;
    }

    /** {@code region.gmalloc} + {@code GMalloc.gfree}: the free goes through the general router. */
    @Benchmark
    public long regionGfree() {
        long p = region.gmalloc(size);
        GMalloc.gfree(p);
        return p;
    }

    /** The {@code GMalloc} pair, the target's anchor (same as {@code PairBenchmark.gmalloc}). */
    @Benchmark
    public long gmalloc() {
        long p = GMalloc.gmalloc(size);
        GMalloc.gfree(p);
        return p;
    }

    /** The JDK's answer for one off-heap object: a confined arena per object. */
    @Benchmark
    public long arenaConfined() {
        try (Arena arena = Arena.ofConfined()) {
            return arena.allocate(size, 8).address();
        }
    }
}
