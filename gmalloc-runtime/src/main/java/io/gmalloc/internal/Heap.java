package io.gmalloc.internal;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One Arenarray per bucket: the seed's per-thread {@code GMetadata}. A platform thread gets a heap of its own; a
 * few heaps locked by {@link #lock} serve all virtual threads (see {@link Heaps}).
 *
 * <p>{@link #alloc} is the hot path of {@code gmalloc}: one array load for the current slab, one for its free
 * word, a trailing-zero count, and one unlikely branch to {@link #allocSlow}. It never touches off-heap memory
 * except to zero a reused block.
 *
 * <p>Ownership: {@link #current} and everything reachable through it belong to the owner (the platform thread,
 * or whoever holds {@link #lock}) and use plain reads and writes. {@link #arenarrays} is published volatile so
 * {@code stats()} can walk it.
 */
public final class Heap {
    /** Owner of slabs that belong to no heap (pooled, orphaned): equal to no thread's heap. */
    static final Heap NONE = new Heap();

    /** The platform thread that owns this heap; null for a virtual-thread stripe. */
    final Thread thread;

    /** Held while a stripe is used; null for a platform thread's heap. */
    final ReentrantLock lock;

    /** The region this heap is the memory of; null for a thread's heap or a stripe. */
    final RegionHeap region;

    /** Current slab per bucket index, {@link Slab#EMPTY} until the first allocation. Owner only. */
    Slab[] current;

    /** Arenarray per bucket index, null until the first allocation. Owner writes; any thread reads. */
    private volatile Arenarray[] arenarrays;

    private Heap() {
        this.thread = null;
        this.lock = null;
        this.region = null;
        this.current = new Slab[0];
        this.arenarrays = new Arenarray[0];
    }

    Heap(Thread thread, ReentrantLock lock) {
        this(thread, lock, null);
    }

    /** A region's heap: owned by the thread that opened the region, found through the region, never registered. */
    Heap(Thread thread, ReentrantLock lock, RegionHeap region) {
        this.thread = thread;
        this.lock = lock;
        this.region = region;
        int buckets = Bucket.all().length;
        this.current = new Slab[buckets];
        Arrays.fill(current, Slab.EMPTY);
        this.arenarrays = new Arenarray[buckets];
    }

    /**
     * Hands out a zeroed block of a bucket. Owner only.
     *
     * @param requested the size the user asked for, for an out-of-memory message
     */
    public long alloc(int bucket, long requested) {
        Slab[] slabs = current;
        if (bucket < slabs.length) {
            Slab slab = slabs[bucket];
            long[] bits = slab.freeBits;
            int word = slab.cursor;
            long free = bits[word];
            if (free != 0) {
                int index = (word << 6) | Long.numberOfTrailingZeros(free);
                long rest = free & (free - 1);
                bits[word] = rest;
                if (rest == 0 && word + 1 < bits.length) {
                    slab.cursor = word + 1; // a word used up: step on rather than take the slow path next time
                }
                slab.used++;
                long address = slab.base + index * slab.stride;
                if (index < slab.fresh) {
                    Memory.zero(address, slab.stride);
                } else {
                    slab.fresh = index + 1;
                }
                return address;
            }
        }
        return allocSlow(bucket, requested);
    }

    private long allocSlow(int bucket, long requested) {
        Arenarray arenarray = arenarray(bucket);
        Slab old = current[bucket];
        Slab next = arenarray.refill(old, requested);
        old.current = false; // EMPTY's flag is never read
        next.current = true;
        current[bucket] = next;
        return alloc(bucket, requested);
    }

    /**
     * Frees any block: the hot path of {@code gfree}. A block of the caller's own heap (its owner's thread is the
     * caller; stripes and pooled slabs have none) is freed in place with plain writes; everything else (0, large blocks, other heaps' blocks, invalid addresses) goes out of line.
     */
    public static void free(long address) {
        free(SlabRegistry.lookup(address), address);
    }

    /** {@link #free(long)} for a caller that has already looked the slab up (null if none). */
    static void free(Slab slab, long address) {
        if (slab != null && slab.ownerThread == Thread.currentThread()) {
            freeLocal(slab, address);
            return;
        }
        Allocator.freeSlow(address, slab);
    }

    /** Frees a block of a slab this heap owns. Owner only. */
    static void freeLocal(Slab slab, long address) {
        if (slab.freeLocal(address)) {
            slab.home.onFreeSlow(slab);
        }
    }

    /** The Arenarray of a bucket, created (and the per-bucket arrays grown) on first use. Owner only. */
    private Arenarray arenarray(int bucket) {
        Arenarray[] all = arenarrays;
        if (bucket < all.length && all[bucket] != null) {
            return all[bucket];
        }
        if (bucket >= all.length) {
            int buckets = Bucket.all().length;
            all = Arrays.copyOf(all, buckets);
            Slab[] grown = Arrays.copyOf(current, buckets);
            Arrays.fill(grown, current.length, buckets, Slab.EMPTY);
            current = grown;
        }
        Arenarray arenarray = new Arenarray(this, Bucket.all()[bucket]);
        all[bucket] = arenarray;
        arenarrays = all; // publish for stats(): only when something changed
        return arenarray;
    }

    /** Arenarrays by bucket index (entries may be null): a snapshot for any thread. */
    Arenarray[] arenarrays() {
        return arenarrays;
    }

    /** Drains remote frees and gives every empty slab back to the pool. Owner only. */
    void trim() {
        for (Arenarray arenarray : arenarrays) {
            if (arenarray != null && arenarray.trim()) {
                current[arenarray.bucket.index].current = false;
                current[arenarray.bucket.index] = Slab.EMPTY;
            }
        }
    }

    /** Takes back every remote free, so a dead heap's slabs can be judged empty or not. Caller owns the heap. */
    void drainAll() {
        for (Arenarray arenarray : arenarrays) {
            if (arenarray != null) {
                arenarray.drainRemote();
            }
        }
    }

    @Override
    public String toString() {
        return region != null ? "region of " + thread : thread == null ? "virtual-thread heap" : "heap of " + thread;
    }
}
