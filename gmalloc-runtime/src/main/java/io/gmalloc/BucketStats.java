package io.gmalloc;

/**
 * One bucket's share of a {@link GMallocStats} snapshot, summed over all heaps.
 *
 * @param blockSize bytes per block: the general bucket's size class, or a special bucket's stride
 * @param dedicated {@code true} for a {@link SpecialBucket}, {@code false} for a general bucket
 * @param liveBlocks blocks handed out and not yet freed
 * @param freeBlocks blocks in this bucket's arenas ready to be handed out
 * @param arenas arenas (slabs) this bucket holds
 */
public record BucketStats(long blockSize, boolean dedicated, long liveBlocks, long freeBlocks, int arenas) {}
