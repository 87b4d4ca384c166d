package io.gmalloc.internal;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One Arenarray per bucket: the seed's per-thread {@code GMetadata}. A platform thread gets a heap of its own; a
 * few heaps locked by {@link #lock} serve all virtual threads (see {@link Heaps}); any other owner (a region, say)
 * may create one with a {@link Host} of its own.
 *
 * <p>{@code gmalloc} of a general size does not come here while the thread's current slab has a free block at its
 * cursor: it reads the slab from {@link CurrentSlabs}, whose row this heap keeps in step with {@link #current}
 * ({@link #setCurrent}). {@link #alloc} serves everything else (special buckets, stripes, regions, a thread
 * without a row): one array load for the current slab, one for its free word, a trailing-zero count, and one
 * unlikely branch to {@link #allocSlow}. Neither touches off-heap memory except to zero a reused block.
 *
 * <p>Ownership: {@link #current} and everything reachable through it belong to the owner (the thread in
 * {@link #thread}, or whoever holds {@link #lock}) and use plain reads and writes. {@link #arenarrays} is
 * published volatile so {@code stats()} can walk it.
 */
public final class Heap {
    /**
     * What a heap needs from whoever made it, passed in rather than called up to, so the heap depends on nothing
     * above it.
     */
    public interface Host {
        /** Hands the slabs of owners that have gone away to the pool, where this heap can adopt them. */
        void reapDead();

        /**
         * Gives back memory held elsewhere (pooled empty slabs, quarantined large blocks, dead owners' slabs)
         * before an allocation reports out-of-memory.
         */
        void relieve();

        /**
         * Whether this heap may adopt slabs orphaned by dead threads. A region's heap must not: closing it would
         * free the orphans' live blocks.
         */
        default boolean adoptsOrphans() {
            return true;
        }
    }

    /** A host with nothing to reap or relieve. */
    static final Host NO_HOST = new Host() {
        @Override
        public void reapDead() {}

        @Override
        public void relieve() {}
    };

    /** Owner of slabs that belong to no heap (pooled, orphaned): equal to no thread's heap. */
    static final Heap NONE = new Heap();

    /** The platform thread that owns this heap; null for a virtual-thread stripe. */
    final Thread thread;

    /** Held while a stripe is used; null for a platform thread's heap. */
    final ReentrantLock lock;

    /** Who made this heap: reaps dead owners and relieves memory pressure for it. */
    final Host host;

    /** Current slab per bucket index, {@link Slab#EMPTY} until the first allocation. Owner only. */
    Slab[] current;

    /**
     * This heap's row in {@link CurrentSlabs}, or -1 when it has none (a stripe, a region, a thread whose slot
     * another live thread holds). Set once by {@link Heaps} before the heap is published.
     */
    int tableSlot = -1;

    /** Arenarray per bucket index, null until the first allocation. Owner writes; any thread reads. */
    private volatile Arenarray[] arenarrays;

    private Heap() {
        this.thread = null;
        this.lock = null;
        this.host = NO_HOST;
        this.current = new Slab[0];
        this.arenarrays = new Arenarray[0];
    }

    /**
     * Creates a heap.
     *
     * @param thread the only thread that uses it, or null when {@code lock} guards it
     * @param lock held by whoever uses the heap, or null when {@code thread} owns it
     * @param host reaps and relieves for it
     */
    public Heap(Thread thread, ReentrantLock lock, Host host) {
        this.thread = thread;
        this.lock = lock;
        this.host = host;
        int buckets = Bucket.all().length;
        this.current = new Slab[buckets];
        Arrays.fill(current, Slab.EMPTY);
        this.arenarrays = new Arenarray[buckets];
    }

    /**
     * Hands out a zeroed block of a bucket. Owner only. The general buckets' fast path,
     * {@link Allocation#allocSmall}, repeats the steps on the slab with a constant stride (why it is not shared is
     * said there): change both together.
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
                // A word used up sends the next allocation to the slow path, which takes back frees before it
                // steps on to fresh words. No count: a current slab's is taken from the bitmaps when needed.
                bits[word] = free & (free - 1);
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

    /**
     * The current slab of {@code bucket} has no free block at its cursor: switch to one that has. Before giving up
     * for lack of memory, gives back what this heap and its host hold and tries once more.
     */
    private long allocSlow(int bucket, long requested) {
        Arenarray arenarray = arenarray(bucket);
        Slab next;
        try {
            next = arenarray.refill(current[bucket]);
        } catch (OsMemory.NoMemory first) {
            trim();
            host.relieve();
            try {
                next = arenarray.refill(current[bucket]);
            } catch (OsMemory.NoMemory again) {
                throw Errors.outOfMemory(requested, again);
            }
        }
        arenarray.switchCurrent(current[bucket], next);
        setCurrent(bucket, next);
        if (Invariants.ON) {
            Invariants.check(arenarray, next); // this bucket only: the whole heap on trim()
        }
        return alloc(bucket, requested);
    }

    /**
     * Makes {@code next} the current slab of {@code bucket}: in {@link #current}, in this heap's row of
     * {@link CurrentSlabs} if it has one, and with fast frees for the owner thread while no remote free is
     * pending ({@link Slab#allowFastFrees}). The slab it replaces loses fast frees: frees of a slab that is not
     * current must tell the Arenarray. Owner only.
     */
    private void setCurrent(int bucket, Slab next) {
        Slab old = current[bucket];
        if (old != next) {
            if (old.fastOwner != null) {
                old.fastOwner = null;
            }
            current[bucket] = next;
            if (tableSlot >= 0 && bucket < SizeClasses.GENERAL_BUCKETS) {
                CurrentSlabs.set(tableSlot, bucket, next == Slab.EMPTY ? null : next);
            }
        }
        if (next.fastOwner == null && next != Slab.EMPTY) {
            next.allowFastFrees();
        }
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
                setCurrent(arenarray.bucket.index, Slab.EMPTY);
            }
        }
        if (Invariants.ON) {
            Invariants.check(this);
        }
    }

    /**
     * Hands every slab to {@code sink} and leaves the heap empty: its owner has gone away. Caller owns the heap
     * (the owner is dead, or the caller holds its lock). The heap's row of {@link CurrentSlabs} is cleared before
     * the first slab goes: whoever adopts one (under the pool's lock, as here) cannot find it in the row.
     */
    void detachAll(java.util.function.Consumer<Slab> sink) {
        for (int b = 0; b < current.length; b++) {
            setCurrent(b, Slab.EMPTY);
        }
        for (Arenarray arenarray : arenarrays) {
            if (arenarray != null) {
                arenarray.detachAll(sink);
            }
        }
    }

    /** The invariant walker's part: every Arenarray against the current slab. Owner only. Null when consistent. */
    String inconsistency() {
        Arenarray[] all = arenarrays;
        for (int b = 0; b < all.length; b++) {
            if (all[b] != null) {
                String problem = all[b].inconsistency(current[b]);
                if (problem != null) {
                    return problem;
                }
            } else if (b < current.length && current[b] != Slab.EMPTY) {
                return "bucket " + b + " has a current slab but no Arenarray in " + this;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return thread == null ? "virtual-thread heap" : "heap of " + thread;
    }
}
