package io.gmalloc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.gmalloc.GMalloc;
import io.gmalloc.GMallocStats;
import io.gmalloc.Region;
import io.gmalloc.SpecialBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docs/design.md §2a: thousands of short regions must not accumulate memory or heaps. 10 000 regions, opened and
 * closed by four threads, each with a few dozen small, special and large blocks (some freed early, the rest by
 * close); afterwards no region counts as a heap, no block is live, and after {@code trim()} gmalloc holds no more
 * memory than before.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RegionChurnTest {
    private static final SpecialBucket VEC3 = new SpecialBucket("churn.Vec3", 12, 4);

    @Test
    void tenThousandRegionsLeaveNoMemoryAndNoHeapsBehind() throws Exception {
        int threads = 4;
        int regionsPerThread = Sizing.pick(2500, 25_000);
        GMalloc.trim();
        GMallocStats before = GMalloc.stats();
        long[] peakRegionBytes = new long[threads];
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int index = t;
                done.add(pool.submit(() -> {
                    for (int r = 0; r < regionsPerThread; r++) {
                        try (Region region = Region.open()) {
                            List<Long> blocks = new ArrayList<>();
                            for (int i = 0; i < 40; i++) {
                                long block = switch (i % 8) {
                                    case 0 -> VEC3.alloc(region);
                                    case 1 -> region.gmalloc(513 + (r + i) % 3000);
                                    default -> region.gmalloc(1 + (r * 31 + i * 17) % 512);
                                };
                                Patterns.write(block, block, 8);
                                blocks.add(block);
                            }
                            for (int i = 0; i < blocks.size(); i += 3) {
                                long block = blocks.get(i);
                                assertThat(Patterns.firstCorrupt(block, block, 8))
                                        .isEqualTo(-1);
                                if (i % 2 == 0) {
                                    region.free(block);
                                } else {
                                    GMalloc.gfree(block);
                                }
                            }
                            assertThat(region.liveBlocks()).isEqualTo(blocks.size() - (blocks.size() + 2) / 3);
                            peakRegionBytes[index] = Math.max(peakRegionBytes[index], region.reservedBytes());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        GMallocStats after = GMalloc.stats();
        assertThat(after.heaps()).as("closed regions are no heaps").isLessThanOrEqualTo(before.heaps());
        assertThat(after.liveBlocks()).isEqualTo(before.liveBlocks());
        assertThat(after.largeAllocations()).isEqualTo(before.largeAllocations());
        GMalloc.trim();
        assertThat(GMalloc.stats().reservedBytes())
                .as("reserved after trim, was %d before", before.reservedBytes())
                .isLessThanOrEqualTo(before.reservedBytes());
        for (long peak : peakRegionBytes) {
            assertThat(peak).as("one short region stays small").isLessThan(32L << 20);
        }
    }
}
