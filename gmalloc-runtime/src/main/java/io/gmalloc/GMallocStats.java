package io.gmalloc;

import java.util.List;

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
 * @param heaps heaps in use: one per platform thread that allocated, plus the virtual-thread stripes
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
}
