package io.gmalloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsFormatTest {

    private static GMallocStats sample() {
        List<BucketStats> buckets = new ArrayList<>();
        for (int size = 8; size <= 512; size += 8) {
            buckets.add(new BucketStats(size, false, size == 16 ? 3 : 0, size == 16 ? 509 : 0, size == 16 ? 1 : 0));
        }
        buckets.add(new BucketStats(12, true, 7, 100, 1));
        buckets.add(new BucketStats(24, true, 0, 50, 1));
        return new GMallocStats(4L << 20, 1536, 48 + 84, 10, 0, 2, 1, buckets);
    }

    @Test
    void toStringIsOneShortLineWithTheLiveBucketsOnly() {
        assertThat(sample().toString())
                .isEqualTo(
                        "GMallocStats[reserved=4.0 MiB, committed=1.5 KiB,"
                                + " live=10 blocks/132 B, large=0, invalidFrees=2, heaps=1, buckets: 16 B 3 live, 12 B special 7 live]");
    }

    @Test
    void toStringSaysWhenNothingIsLive() {
        GMallocStats empty = new GMallocStats(0, 0, 0, 0, 0, 0, 0, List.of(new BucketStats(8, false, 0, 10, 1)));
        assertThat(empty.toString())
                .isEqualTo("GMallocStats[reserved=0 B, committed=0 B, live=0 blocks/0 B,"
                        + " large=0, invalidFrees=0, heaps=0, buckets: none live]");
    }

    @Test
    void detailedStringListsEveryBucketOnALineOfItsOwn() {
        String detailed = sample().toDetailedString();
        List<String> lines = detailed.lines().toList();
        assertThat(lines).hasSize(1 + 1 + 66);
        assertThat(lines.get(0)).startsWith("GMallocStats reserved=4.0 MiB");
        assertThat(lines.get(1)).contains("block", "kind", "live", "free", "arenas");
        assertThat(lines.get(3)).matches(" +16 B +general +3 +509 +1");
        assertThat(lines.get(2 + 64)).matches(" +12 B +special +7 +100 +1");
        assertThat(lines.get(2 + 63)).matches(" +512 B +general +0 +0 +0");
    }

    @Test
    void liveStatsStayShort() {
        long address = GMalloc.gmalloc(40);
        try {
            String text = GMalloc.stats().toString();
            assertThat(text).contains("40 B").doesNotContain("\n");
            assertThat(text.length()).isLessThan(1000);
        } finally {
            GMalloc.gfree(address);
        }
    }
}
