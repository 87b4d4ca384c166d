package io.gmalloc.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Slabs between heaps: empty mappings kept for reuse, and orphans (slabs of dead threads that still hold live
 * blocks) waiting for a live heap to adopt them.
 *
 * <p>An empty mapping keeps its registry entries pointing at its old slab (whose blocks are all free), so a late
 * free of one of its addresses is reported as a double free; the mappings of a closed region are the exception
 * (see {@link #retireClosed}). Reusing a mapping formats a new slab over it; giving
 * it back to the OS clears the entries first.
 *
 * <p>Concurrency: everything here is guarded by {@link #LOCK}. Orphans are owned by the pool while it holds the
 * lock ({@code owner == Heap.NONE}); remote frees into them keep arriving through their {@link RemoteFrees}.
 */
final class SlabPool {
    private SlabPool() {}

    /** Memory of a retired slab: {@code dirtyBytes} at its start may be non-zero. */
    private record Mapping(long base, long bytes, long dirtyBytes) {}

    private static final Object LOCK = new Object();
    private static final ArrayDeque<Mapping> EMPTY = new ArrayDeque<>();
    private static final List<ArrayDeque<Slab>> ORPHANS = new ArrayList<>();
    private static long emptyBytes;

    /** Bytes given back to the OS so far, automatically or by {@link #trim}. */
    private static long releasedBytes;

    /**
     * A new slab of about {@code bytes} for a bucket. Pooled memory comes first (memory already reserved beats a
     * new mapping): a mapping of exactly that size, else the largest one the bucket can use; its touched part is
     * zeroed here, so a slab always starts on zeroed memory. Then the OS.
     *
     * @throws OsMemory.NoMemory when the OS has none or the cap would be passed; nothing changed then
     */
    static Slab newSlab(Bucket bucket, long bytes, Heap owner, Arenarray home) {
        Mapping best = null;
        synchronized (LOCK) {
            for (Mapping mapping : EMPTY) {
                if (mapping.bytes == bytes) {
                    best = mapping;
                    break;
                }
                if (mapping.bytes >= bucket.firstSlabBytes && (best == null || mapping.bytes > best.bytes)) {
                    best = mapping;
                }
            }
            if (best != null) {
                EMPTY.remove(best);
                emptyBytes -= best.bytes;
            }
        }
        if (best != null) {
            // Ours alone now (out of the pool, not yet registered for the new slab): zero outside the lock.
            Memory.zero(best.base, Math.min(best.bytes, best.dirtyBytes));
            synchronized (LOCK) {
                return register(new Slab(best.base, best.bytes, bucket, owner, home));
            }
        }
        long base = OsMemory.map(bytes, SlabRegistry.CHUNK_BYTES);
        if (!SlabRegistry.covers(base, bytes)) {
            OsMemory.unmap(base, bytes);
            throw new OsMemory.NoMemory(bytes, OsMemory.reservedBytes(), false); // above the 48 bits we track
        }
        Events.arenaMapped(bytes, bucket.stride);
        synchronized (LOCK) {
            return register(new Slab(base, bytes, bucket, owner, home));
        }
    }

    private static Slab register(Slab slab) {
        SlabRegistry.register(slab);
        return slab;
    }

    /** Takes an empty slab from its owner. Past {@link Options#RETAIN_BYTES} the oldest go back to the OS. */
    static void retire(Slab slab) {
        assert slab.state == Slab.DETACHED : slab + " is still in a heap's list";
        synchronized (LOCK) {
            retireLocked(slab);
            while (emptyBytes > Options.RETAIN_BYTES) {
                release(EMPTY.pollFirst());
            }
        }
    }

    /**
     * Takes every slab of a closed region, live blocks and all, in one pass under the lock. Their registry
     * entries are cleared first, so a late free of one of their addresses finds no slab ({@code NOT_OWNED}) until
     * the mapping is formatted again, and then finds the new owner's slab. Cost: one step per 64 KiB chunk, none
     * per block.
     */
    static void retireClosed(List<Slab> slabs) {
        synchronized (LOCK) {
            for (Slab slab : slabs) {
                SlabRegistry.unregister(slab.base, slab.bytes);
                slab.state = Slab.DETACHED;
                slab.own(Heap.NONE); // live blocks and all: the region's close frees them (no allFree() here)
                EMPTY.addLast(new Mapping(slab.base, slab.bytes, slab.committedBytes()));
                emptyBytes += slab.bytes;
            }
            while (emptyBytes > Options.RETAIN_BYTES) {
                release(EMPTY.pollFirst());
            }
        }
    }

    private static void retireLocked(Slab slab) {
        slab.own(Heap.NONE);
        assert slab.allFree() : slab + " retired with live blocks";
        EMPTY.addLast(new Mapping(slab.base, slab.bytes, slab.committedBytes()));
        emptyBytes += slab.bytes;
    }

    private static void release(Mapping mapping) {
        emptyBytes -= mapping.bytes;
        releasedBytes += mapping.bytes;
        SlabRegistry.unregister(mapping.base, mapping.bytes);
        OsMemory.unmap(mapping.base, mapping.bytes);
    }

    /**
     * Takes every slab of a heap whose owner has gone away (a dead thread): empty ones are pooled, the others
     * become orphans. Caller made sure nobody uses the heap any more.
     */
    static void abandon(Heap dead) {
        synchronized (LOCK) {
            dead.detachAll(slab -> {
                slab.own(Heap.NONE);
                if (slab.reclaim() && slab.allFree()) {
                    retireLocked(slab);
                } else {
                    orphans(slab.bucket.index).addLast(slab);
                }
            });
        }
    }

    private static ArrayDeque<Slab> orphans(int bucket) {
        while (ORPHANS.size() <= bucket) {
            ORPHANS.add(new ArrayDeque<>());
        }
        return ORPHANS.get(bucket);
    }

    /** An orphan of a bucket with its remote frees drained, now owned by {@code heap}; null if none. */
    static Slab adopt(Bucket bucket, Heap heap, Arenarray home) {
        synchronized (LOCK) {
            if (ORPHANS.size() <= bucket.index) {
                return null;
            }
            ArrayDeque<Slab> orphans = ORPHANS.get(bucket.index);
            Slab slab;
            while ((slab = orphans.pollFirst()) != null) {
                if (slab.reclaim() && slab.allFree()) {
                    retireLocked(slab);
                    continue;
                }
                slab.home = home; // before the owner changes: a remote free after this flags the new home
                slab.reclaim();
                slab.own(heap);
                return slab;
            }
            return null;
        }
    }

    /** Bytes given back to the OS so far. */
    static long releasedBytes() {
        synchronized (LOCK) {
            return releasedBytes;
        }
    }

    /** Drains orphans, retires the empty ones, and gives every empty mapping back to the OS. */
    static void trim() {
        synchronized (LOCK) {
            for (ArrayDeque<Slab> orphans : ORPHANS) {
                for (Iterator<Slab> it = orphans.iterator(); it.hasNext(); ) {
                    Slab slab = it.next();
                    if (slab.reclaim() && slab.allFree()) {
                        it.remove();
                        retireLocked(slab);
                    }
                }
            }
            while (!EMPTY.isEmpty()) {
                release(EMPTY.pollFirst());
            }
        }
    }

    /** Orphans by bucket index, copied for {@code stats()}. */
    static List<Slab> orphans() {
        synchronized (LOCK) {
            List<Slab> all = new ArrayList<>();
            ORPHANS.forEach(all::addAll);
            return all;
        }
    }

    /** Bytes of pooled empty memory that may have been touched. */
    static long emptyCommittedBytes() {
        synchronized (LOCK) {
            long committed = 0;
            for (Mapping mapping : EMPTY) {
                committed += Math.min(mapping.bytes, mapping.dirtyBytes);
            }
            return committed;
        }
    }
}
