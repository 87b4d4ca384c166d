package io.gmalloc;

import java.util.List;
import java.util.Locale;

/**
 * A snapshot of gmalloc's memory, from {@link GMalloc#stats()}. Counters may be approximate while other threads
 * allocate or free; they are exact when those threads are quiet.
 *
 * @param reservedBytes bytes taken from the OS (slabs and large blocks) and not yet given back
 * @param committedBytes of {@code reservedBytes}, the bytes that have been touched (best estimate)
 * @param liveBytes sum of the usable sizes of the live blocks
 * @param liveBlocks number of live blocks, small and large
 * @param largeAllocations live blocks above 512 bytes, served by the system allocator
 * @param invalidFrees number of {@link InvalidFreeException}s thrown so far
 * @param heaps heaps in use: one per platform thread that allocated, plus the virtual-thread stripes, plus one
 *     per open {@link Region}
 * @param buckets one entry per general bucket (8, 16 … 512 bytes) followed by one per {@link SpecialBucket}
 */
public record GMallocStats(
        long reservedBytes,
        long committedBytes,
        long liveBytes,
        long liveBlocks,
        long largeAllocations,
        long invalidFrees,
        int heaps,
        List<BucketStats> buckets) {

    /** Copies {@code buckets} so the snapshot stays immutable. */
    public GMallocStats {
        buckets = List.copyOf(buckets);
    }

    /**
     * A one-line summary: the totals, then only the buckets that hold live blocks, e.g.
     * {@code GMallocStats[reserved=4.0 MiB, committed=1.2 MiB, live=3 blocks/48 B, large=0, invalidFrees=0,
     * heaps=1, buckets: 16 B 3 live]}. {@link #toDetailedString()} lists every bucket.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder text = totals(new StringBuilder("GMallocStats["));
        text.append(", buckets:");
        int shown = 0;
        for (BucketStats bucket : buckets) {
            if (bucket.liveBlocks() > 0) {
                text.append(shown++ == 0 ? " " : ", ")
                        .append(bucket.blockSize())
                        .append(" B")
                        .append(bucket.dedicated() ? " special " : " ")
                        .append(bucket.liveBlocks())
                        .append(" live");
            }
        }
        if (shown == 0) {
            text.append(" none live");
        }
        return text.append(']').toString();
    }

    /**
     * Every figure, one bucket per line (also the empty ones): block size, kind, live and free blocks, arenas.
     *
     * @return a multi-line table
     */
    public String toDetailedString() {
        String nl = System.lineSeparator();
        StringBuilder text = totals(new StringBuilder("GMallocStats ")).append(nl);
        text.append(
                String.format(Locale.ROOT, "%10s  %-8s %12s %12s %7s%n", "block", "kind", "live", "free", "arenas"));
        for (BucketStats bucket : buckets) {
            text.append(String.format(
                    Locale.ROOT,
                    "%8d B  %-8s %12d %12d %7d%n",
                    bucket.blockSize(),
                    bucket.dedicated() ? "special" : "general",
                    bucket.liveBlocks(),
                    bucket.freeBlocks(),
                    bucket.arenas()));
        }
        return text.toString();
    }

    private StringBuilder totals(StringBuilder text) {
        return text.append("reserved=")
                .append(bytes(reservedBytes))
                .append(", committed=")
                .append(bytes(committedBytes))
                .append(", live=")
                .append(liveBlocks)
                .append(" blocks/")
                .append(bytes(liveBytes))
                .append(", large=")
                .append(largeAllocations)
                .append(", invalidFrees=")
                .append(invalidFrees)
                .append(", heaps=")
                .append(heaps);
    }

    /** Bytes in a unit a reader takes in at a glance: {@code 48 B}, {@code 1.5 KiB}, {@code 4.0 MiB}. */
    private static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
