package io.gmalloc.internal;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One bucket's slabs inside one heap: the seed's Arenarray ("an array of arenas for a certain bucket", with
 * "full" flags). New slabs grow ×4 from {@link Bucket#firstSlabBytes} up to {@link Bucket#maxSlabBytes}, so a
 * bucket used a little costs 64 KiB and a bucket used a lot makes few system calls.
 *
 * <p>The heap allocates from its current slab (in {@link Heap#current}); this class only runs when that slab has
 * no free block at its cursor (the slow path) or when a free makes a slab interesting (it was full, or it is
 * empty now).
 *
 * <p>Ownership: everything here belongs to the heap's owner except {@link #remotePending} (any thread sets it)
 * and {@link #slabs} (replaced copy-on-write so {@code stats()} can read it from any thread).
 */
final class Arenarray {
    private static final Slab[] NO_SLABS = {};

    /** The heap this Arenarray belongs to. */
    final Heap heap;

    /** The bucket whose blocks it holds. */
    final Bucket bucket;

    /** Every slab owned here, current one included. Owner writes (copy-on-write); any thread reads. */
    private volatile Slab[] slabs = NO_SLABS;

    /** Slabs with free blocks besides the current one. Owner only. */
    private final ArrayDeque<Slab> available = new ArrayDeque<>();

    /** Set by threads that freed a block of one of our slabs; the owner drains on its slow path. */
    private volatile boolean remotePending;

    /** Size of the next slab to map. Owner only. */
    private long nextSlabBytes;

    Arenarray(Heap heap, Bucket bucket) {
        this.heap = heap;
        this.bucket = bucket;
        this.nextSlabBytes = bucket.firstSlabBytes;
    }

    /** Slabs owned here: a snapshot for any thread. */
    Slab[] slabs() {
        return slabs;
    }

    /** Another thread freed one of our blocks. Any thread. */
    void remoteFreed() {
        if (!remotePending) {
            remotePending = true;
        }
    }

    /**
     * Returns a slab with a free block at its cursor to become the current one. Owner only.
     *
     * <p>In order: the rest of the current slab; blocks other threads freed; other slabs with free blocks; a slab
     * orphaned by a dead thread; an empty slab from the pool; a new mapping.
     *
     * @param requested the size the user asked for, for an out-of-memory message
     * @throws OutOfMemoryError when no memory can be had; the heap is unchanged then
     */
    Slab refill(Slab current, long requested) {
        if (current != Slab.EMPTY) {
            if (current.findFree()) {
                return current;
            }
            current.full = true;
        }
        while (true) {
            if (remotePending) {
                drainRemote();
            }
            Slab next = available.pollFirst();
            if (next == null) {
                break;
            }
            if (next.findFree()) {
                return next;
            }
            next.full = true;
        }
        if (heap.region == null) { // a region never adopts: its close would free the orphan's live blocks
            Slab adopted = adoptOrphan();
            if (adopted == null) {
                Heaps.reapDead(); // a thread that just ended may have left slabs to adopt
                adopted = adoptOrphan();
            }
            if (adopted != null) {
                return adopted;
            }
        }
        Slab fresh = newSlab(requested);
        add(fresh);
        return fresh;
    }

    /** Adopts orphans of this bucket until one has a free block; returns it, or null when none is left. */
    private Slab adoptOrphan() {
        Slab adopted;
        while ((adopted = SlabPool.adopt(bucket, heap, this)) != null) {
            add(adopted);
            if (adopted.findFree()) {
                return adopted;
            }
            adopted.full = true;
        }
        return null;
    }

    private Slab newSlab(long requested) {
        Slab slab;
        try {
            slab = SlabPool.newSlab(bucket, nextSlabBytes, heap, this, requested);
        } catch (OutOfMemoryError e) {
            if (nextSlabBytes == bucket.firstSlabBytes) {
                throw e;
            }
            slab = SlabPool.newSlab(bucket, bucket.firstSlabBytes, heap, this, requested);
        }
        nextSlabBytes = Math.min(bucket.maxSlabBytes, nextSlabBytes * 4);
        return slab;
    }

    private void add(Slab slab) {
        Slab[] old = slabs;
        Slab[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = slab;
        slabs = grown;
    }

    private void remove(Slab slab) {
        Slab[] old = slabs;
        Slab[] shrunk = new Slab[old.length - 1];
        int j = 0;
        for (Slab s : old) {
            if (s != slab) {
                shrunk[j++] = s;
            }
        }
        slabs = shrunk;
        available.remove(slab);
    }

    /** Takes back every block other threads freed; slabs that were full become available again. Owner only. */
    void drainRemote() {
        remotePending = false;
        for (Slab slab : slabs) {
            int before = slab.used;
            slab.drainRemote();
            if (slab.used != before) {
                if (slab.full) {
                    slab.full = false;
                    available.addLast(slab);
                }
                if (slab.used == 0) {
                    retireIfSpare(slab);
                }
            }
        }
    }

    /**
     * A local free made a slab interesting: it was full (now it has a free block) or it is empty now. Owner only.
     */
    void onFreeSlow(Slab slab) {
        if (slab.full) {
            slab.full = false;
            available.addLast(slab);
        }
        if (slab.used == 0) {
            retireIfSpare(slab);
        }
    }

    /**
     * Gives an empty slab to the pool unless it is the only empty one here: one spare per bucket absorbs a
     * program that frees and allocates around a slab boundary.
     */
    private void retireIfSpare(Slab slab) {
        Slab current = heap.current[bucket.index];
        boolean otherEmpty = current != slab && current.used == 0 && current != Slab.EMPTY;
        for (Slab s : available) {
            otherEmpty |= s != slab && s.used == 0;
        }
        if (otherEmpty && slab != current) {
            remove(slab);
            SlabPool.retire(slab);
        }
    }

    /**
     * Drains remote frees and gives every empty slab to the pool, the current one too. Owner only.
     *
     * @return whether the current slab was given away (the heap then resets it)
     */
    boolean trim() {
        drainRemote();
        Slab current = heap.current[bucket.index];
        boolean currentRetired = false;
        for (Slab slab : slabs) {
            if (slab.used == 0) {
                remove(slab);
                SlabPool.retire(slab);
                currentRetired |= slab == current;
            }
        }
        if (slabs.length == 0) {
            // Nothing left here: demand starts over, so does slab growth. Without this every trim-and-refill
            // round mapped a slab 4x larger than the last, up to maxSlabBytes per bucket and heap.
            nextSlabBytes = bucket.firstSlabBytes;
        }
        return currentRetired;
    }
}
