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
 * <p>Every slab it owns is in {@link #slabs} and in exactly one {@link Slab#state state}: {@code CURRENT} (the
 * heap's current slab, in no list), {@code AVAILABLE} (in {@link #available}, once), or {@code FULL} (in no list).
 * Only {@link #makeAvailable}, {@link #takeAvailable} and {@link #remove} move a slab in or out of the list, and
 * each checks the state first, so no sequence of frees can queue a slab twice. {@link #refill} changes no state
 * before the step that can fail (mapping a new slab): an {@link OsMemory.NoMemory} leaves everything consistent.
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

    /** Slabs in state {@code AVAILABLE}, each once. Owner only. */
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
     * Returns a slab with a free block at its cursor to become the current one. Owner only. The caller switches
     * the heap to it with {@link #switchCurrent}.
     *
     * <p>In order: the rest of the current slab and its own frees; blocks other threads freed; other slabs with
     * free blocks; a slab orphaned by a dead thread; an empty slab from the pool; a new mapping.
     *
     * @throws OsMemory.NoMemory when no memory can be had; every slab is then where it was (slabs found full
     *     while looking are {@code FULL}, a consistent state), the current one still current
     */
    Slab refill(Slab current) {
        if (current != Slab.EMPTY && current.findOrReclaim()) {
            return current;
        }
        if (remotePending) {
            drainRemote();
        }
        Slab next;
        while ((next = takeAvailable()) != null) {
            if (next.findOrReclaim()) {
                return next;
            }
            next.state = Slab.FULL;
            if (next.hasLocalFrees()) {
                remotePending = true; // its reclaim waited for a remote free in flight: look again later
            }
        }
        if (heap.host.adoptsOrphans()) {
            Slab adopted = adoptOrphan();
            if (adopted == null) {
                heap.host.reapDead(); // a thread that just ended may have left slabs to adopt
                adopted = adoptOrphan();
            }
            if (adopted != null) {
                return adopted;
            }
        }
        Slab fresh = newSlab(); // the only step that can fail: nothing above needs undoing
        add(fresh);
        return fresh;
    }

    /**
     * Makes {@code next} (from {@link #refill}) the current slab in place of {@code old}. Owner only; cannot fail.
     */
    void switchCurrent(Slab old, Slab next) {
        if (next == old) {
            return;
        }
        assert next.owner == heap && next.state != Slab.CURRENT : next + " cannot become current";
        next.state = Slab.CURRENT;
        if (old != Slab.EMPTY) {
            assert old.state == Slab.CURRENT && old.owner == heap : old + " was not current";
            old.leaveCurrent(); // FULL, its block count taken from the bitmaps
            if (old.hasLocalFrees()) {
                remotePending = true; // its reclaim waited for a remote free in flight: look again later
            }
            if (old.used() == 0) {
                retireIfSpare(old);
            }
        }
    }

    /** Adopts orphans of this bucket until one has a free block; returns it, or null when none is left. */
    private Slab adoptOrphan() {
        Slab adopted;
        while ((adopted = SlabPool.adopt(bucket, heap, this)) != null) {
            add(adopted);
            if (adopted.findOrReclaim()) {
                return adopted;
            }
            adopted.state = Slab.FULL;
        }
        return null;
    }

    private Slab newSlab() {
        Slab slab;
        try {
            slab = SlabPool.newSlab(bucket, nextSlabBytes, heap, this);
        } catch (OsMemory.NoMemory e) {
            if (nextSlabBytes == bucket.firstSlabBytes) {
                throw e;
            }
            slab = SlabPool.newSlab(bucket, bucket.firstSlabBytes, heap, this);
        }
        nextSlabBytes = Math.min(bucket.maxSlabBytes, nextSlabBytes * 4);
        return slab;
    }

    private void add(Slab slab) {
        assert slab.owner == heap && slab.state == Slab.DETACHED : slab + " is not ours to add";
        Slab[] old = slabs;
        Slab[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = slab;
        slabs = grown;
    }

    /** Takes a slab out of this Arenarray (whatever list it is in) before it goes to the pool. */
    private void remove(Slab slab) {
        assert slab.state != Slab.CURRENT : "the current " + slab + " cannot be removed";
        if (slab.state == Slab.AVAILABLE) {
            available.remove(slab);
        }
        slab.state = Slab.DETACHED;
        Slab[] old = slabs;
        Slab[] shrunk = new Slab[old.length - 1];
        int j = 0;
        for (Slab s : old) {
            if (s != slab) {
                shrunk[j++] = s;
            }
        }
        slabs = shrunk;
    }

    /** Puts a {@code FULL} slab that has free blocks again in the available list. */
    private void makeAvailable(Slab slab) {
        if (slab.state == Slab.FULL) {
            slab.state = Slab.AVAILABLE;
            available.addLast(slab);
        }
    }

    /** Takes the first available slab out of the list; the caller gives it a new state. Null when none. */
    private Slab takeAvailable() {
        Slab slab;
        while ((slab = available.pollFirst()) != null) {
            assert slab.state == Slab.AVAILABLE && slab.owner == heap : slab + " in the available list";
            if (slab.owner == heap && slab.state == Slab.AVAILABLE) { // checked in production too: never another's
                slab.state = Slab.FULL;
                return slab;
            }
        }
        return null;
    }

    /** Takes back every block other threads freed; slabs that were full become available again. Owner only. */
    void drainRemote() {
        remotePending = false;
        for (Slab slab : slabs) {
            if (slab.remotePending() == 0 && !slab.hasLocalFrees()) {
                continue;
            }
            if (!slab.reclaim()) {
                remotePending = true; // a remote free is in flight: look again on the next slow path
                continue;
            }
            if (slab.state != Slab.CURRENT) {
                makeAvailable(slab);
                if (slab.used() == 0) {
                    retireIfSpare(slab);
                }
            }
        }
    }

    /**
     * A local free made a slab interesting: it was full (now it has a free block) or it is empty now. Owner only.
     */
    void onFreeSlow(Slab slab) {
        if (slab.state == Slab.CURRENT) {
            return;
        }
        makeAvailable(slab);
        if (slab.used() == 0) {
            retireIfSpare(slab);
        }
    }

    /**
     * Gives an empty slab to the pool unless it is the only empty one here: one spare per bucket absorbs a
     * program that frees and allocates around a slab boundary. A slab with a remote free in flight stays.
     */
    private void retireIfSpare(Slab slab) {
        Slab current = heap.current[bucket.index];
        boolean otherEmpty = current != slab && current != Slab.EMPTY && current.used() == 0;
        for (Slab s : available) {
            otherEmpty |= s != slab && s.used() == 0;
        }
        if (otherEmpty) {
            retire(slab);
        }
    }

    /** Hands an empty, non-current slab to the pool if nothing of it is still in flight. */
    private boolean retire(Slab slab) {
        if (!slab.reclaim() || !slab.allFree()) {
            return false;
        }
        remove(slab);
        SlabPool.retire(slab);
        return true;
    }

    /**
     * Drains remote frees and gives every empty slab to the pool, the current one too. Owner only.
     *
     * @return whether the current slab was given away (the heap then resets it to {@link Slab#EMPTY})
     */
    boolean trim() {
        drainRemote();
        boolean currentRetired = false;
        for (Slab slab : slabs) {
            slab.reclaim();
            if (slab.used() != 0) {
                continue;
            }
            boolean wasCurrent = slab.state == Slab.CURRENT;
            if (wasCurrent) {
                slab.leaveCurrent(); // FULL: the heap resets its current slab when we return true
            }
            if (retire(slab)) {
                currentRetired |= wasCurrent;
            } else if (wasCurrent) {
                slab.state = Slab.CURRENT;
            }
        }
        if (slabs.length == 0) {
            // Nothing left here: demand starts over, so does slab growth. Without this every trim-and-refill
            // round mapped a slab 4x larger than the last, up to maxSlabBytes per bucket and heap.
            nextSlabBytes = bucket.firstSlabBytes;
        }
        return currentRetired;
    }

    /** Hands every slab to {@code sink} and forgets them: the heap is going away. Owner (or its reaper) only. */
    void detachAll(java.util.function.Consumer<Slab> sink) {
        for (Slab slab : slabs) {
            slab.leaveCurrent(); // the current one counts its blocks: the pool asks whether it is empty
            slab.state = Slab.DETACHED;
            sink.accept(slab);
        }
        available.clear();
        slabs = NO_SLABS;
    }

    /**
     * The invariant walker's part: list membership, ownership and slab bookkeeping.
     *
     * @param current the heap's current slab for this bucket
     * @return null when consistent, else what is wrong
     */
    String inconsistency(Slab current) {
        int currents = 0;
        for (Slab slab : slabs) {
            if (slab.owner != heap) {
                return slab + " is listed in " + this + " but owned by " + slab.owner;
            }
            if (SlabRegistry.lookup(slab.base) != slab || SlabRegistry.lookup(slab.base + slab.bytes - 1) != slab) {
                return slab + ": the registry does not point back at it";
            }
            int inList = 0;
            for (Slab s : available) {
                inList += s == slab ? 1 : 0;
            }
            if (inList != (slab.state == Slab.AVAILABLE ? 1 : 0)) {
                return slab + " in state " + slab.state + " is " + inList + " times in the available list";
            }
            if (slab.state == Slab.CURRENT) {
                currents++;
                if (slab != current) {
                    return slab + " is marked current but the heap's current slab is " + current;
                }
            }
            if (slab.state == Slab.DETACHED) {
                return slab + " is listed but detached";
            }
            String problem = slab.inconsistency();
            if (problem != null) {
                return problem;
            }
        }
        for (Slab s : available) {
            if (!Arrays.asList(slabs).contains(s)) {
                return s + " is available but not one of the slabs of " + this;
            }
        }
        if (current != Slab.EMPTY && currents != 1) {
            return "the current " + current + " is not one of the slabs of " + this;
        }
        return null;
    }

    @Override
    public String toString() {
        return bucket + " of the " + heap;
    }
}
