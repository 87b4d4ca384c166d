package io.gmalloc.internal;

import io.gmalloc.BucketStats;
import io.gmalloc.GMallocStats;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link GMallocStats} snapshots by walking heaps and the pool; nothing is counted on the fast path. Read
 * only: a snapshot changes no state (dead threads' heaps are walked as they are, not reaped).
 */
public final class Stats {
    private Stats() {}

    /** Per-bucket sums while walking. */
    private static final class Sums {
        final long[] live;
        final long[] capacity;
        final int[] arenas;
        long committed;

        Sums(int buckets) {
            live = new long[buckets];
            capacity = new long[buckets];
            arenas = new int[buckets];
        }

        void add(Slab slab) {
            int b = slab.bucket.index;
            if (b >= live.length) {
                return; // a bucket registered after this walk started
            }
            live[b] += slab.liveBlocks();
            capacity[b] += slab.blockCount;
            arenas[b]++;
            committed += slab.committedBytes();
        }
    }

    /** A snapshot of the whole allocator; exact when other threads are quiet. */
    public static GMallocStats snapshot() {
        Bucket[] buckets = Bucket.all();
        Sums sums = walk(buckets.length);
        long liveBytes = 0;
        long liveBlocks = 0;
        List<BucketStats> perBucket = new ArrayList<>(buckets.length);
        for (Bucket bucket : buckets) {
            perBucket.add(bucketStats(bucket, sums));
            liveBlocks += sums.live[bucket.index];
            liveBytes += sums.live[bucket.index] * bucket.stride;
        }
        long largeBlocks = LargeBlocks.count();
        long largeBytes = LargeBlocks.liveBytes();
        return new GMallocStats(
                OsMemory.reservedBytes(),
                sums.committed + SlabPool.emptyCommittedBytes() + largeBytes,
                liveBytes + largeBytes,
                liveBlocks + largeBlocks,
                largeBlocks,
                Errors.invalidFrees(),
                Heaps.inUse() + RegionHeap.openCount(),
                perBucket);
    }

    /** One bucket's stats. */
    public static BucketStats of(Bucket bucket) {
        return bucketStats(bucket, walk(Bucket.all().length));
    }

    private static BucketStats bucketStats(Bucket bucket, Sums sums) {
        int b = bucket.index;
        return new BucketStats(
                bucket.stride, bucket.dedicated, sums.live[b], sums.capacity[b] - sums.live[b], sums.arenas[b]);
    }

    private static Sums walk(int buckets) {
        Sums sums = new Sums(buckets);
        for (Heap heap : Heaps.all()) {
            for (Arenarray arenarray : heap.arenarrays()) {
                if (arenarray != null) {
                    for (Slab slab : arenarray.slabs()) {
                        sums.add(slab);
                    }
                }
            }
        }
        for (Heap region : RegionHeap.openHeaps()) {
            for (Arenarray arenarray : region.arenarrays()) {
                if (arenarray != null) {
                    for (Slab slab : arenarray.slabs()) {
                        sums.add(slab);
                    }
                }
            }
        }
        for (Slab orphan : SlabPool.orphans()) {
            sums.add(orphan);
        }
        return sums;
    }
}
