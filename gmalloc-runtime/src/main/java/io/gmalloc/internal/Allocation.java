package io.gmalloc.internal;

import io.gmalloc.InvalidFreeException.Reason;

/**
 * How {@code GMalloc} and {@code SpecialBucket} allocate: the fast path of the general buckets
 * ({@link #allocSmall}), and everything off it: first use on a thread, virtual threads, sizes 0 and above 512,
 * aligned blocks, and {@code grealloc}. Calls only inward (heaps, large
 * blocks); memory pressure is relieved here, and the out-of-memory error worded by {@link Errors}, once.
 */
public final class Allocation {
    private Allocation() {}

    /** {@code gmalloc} when the fast path did not apply. */
    public static long mallocSlow(long size) {
        if (size < 0) {
            throw Errors.negativeSize("gmalloc size", size);
        }
        if (size > SizeClasses.MAX_SMALL_SIZE) {
            return large(size, 16);
        }
        long small = Math.max(size, 1);
        return alloc(SizeClasses.bucket(small), small);
    }

    /**
     * {@code gmalloc} of a size of a general bucket (1..512) on the calling thread's current slab. Two things make
     * it short:
     *
     * <ul>
     *   <li>No heap object: the slab comes straight from the global table {@link CurrentSlabs} by thread slot and
     *       class, and is valid when its owner thread is the caller (only the caller's own heap writes its row,
     *       and a dead thread's row is cleared before its slabs can be adopted; see {@link CurrentSlabs}).
     *   <li>A constant stride: {@code (cls + 1) << 3} follows from the class, so once the size is a constant the
     *       address is a constant multiply and the zeroing a fixed run of long stores ({@link Memory#zeroWords}).
     * </ul>
     *
     * Anything else (no slab yet, no free block at the cursor, a thread without a slot, a virtual thread) goes to
     * {@link #alloc}, out of line.
     *
     * <p>The steps on the slab repeat those of {@link Heap#alloc} on purpose: the same steps moved into a
     * {@code Slab} method that both call cost 0.5 ns per 8-byte pair (thread CPU time, two copies of each version
     * side by side in one JVM), whether the method returned {@code -1} for an empty word or came with a separate
     * test. Change both together.
     */
    public static long allocSmall(long size) {
        int cls = SizeClasses.bucket(size);
        Thread thread = Thread.currentThread();
        Slab slab = CurrentSlabs.get(thread, cls);
        if (slab != null && slab.ownerThread == thread) {
            long[] bits = slab.freeBits;
            int word = slab.cursor;
            long free = bits[word];
            if (free != 0) {
                int index = (word << 6) | Long.numberOfTrailingZeros(free);
                bits[word] = free & (free - 1);
                long stride = (long) (cls + 1) << 3;
                long address = slab.base + index * stride;
                if (index < slab.fresh) {
                    Memory.zeroWords(address, stride);
                } else {
                    slab.fresh = index + 1;
                }
                return address;
            }
        }
        return alloc(cls, size);
    }

    /** A block of a bucket from the caller's heap: registering it, or locking a stripe for a virtual thread. */
    public static long alloc(int bucket, long requested) {
        Heap heap = Heaps.localOrRegister();
        if (heap != null) {
            return heap.alloc(bucket, requested);
        }
        Heap stripe = Heaps.lockStripe();
        try {
            return stripe.alloc(bucket, requested);
        } finally {
            stripe.lock.unlock();
        }
    }

    /**
     * A large block; before reporting out-of-memory, gives back what the heaps and the pool hold and tries again.
     */
    static long large(long size, long alignment) {
        try {
            return LargeBlocks.alloc(size, alignment);
        } catch (OsMemory.NoMemory first) {
            OsMemory.NoMemory last = first;
            if (!first.impossible) {
                relieve();
                try {
                    return LargeBlocks.alloc(size, alignment);
                } catch (OsMemory.NoMemory again) {
                    last = again;
                }
            }
            throw alignment <= 16
                    ? Errors.outOfMemory(size, last)
                    : Errors.outOfMemory(size + " bytes aligned to " + alignment, last);
        }
    }

    /** Gives back empty slabs of the caller's heap and free stripes, the pool's, dead threads', and quarantine. */
    static void relieve() {
        Heaps.trimReachable();
        Heaps.HOST.relieve();
    }

    /**
     * A zeroed block of {@code bytes} aligned to {@code alignment} (a power of two): a general bucket whose block
     * size is a multiple of the alignment when one fits, else the system allocator. No rounding can overflow: a
     * size or alignment above 512 never takes the bucket path.
     */
    public static long allocAligned(long bytes, long alignment) {
        long size = Math.max(bytes, 1);
        if (size <= SizeClasses.MAX_SMALL_SIZE && alignment <= SizeClasses.MAX_SMALL_SIZE) {
            long blockSize = Bucket.roundUp(Math.max(size, alignment), Math.max(alignment, SizeClasses.GRANULE));
            if (blockSize <= SizeClasses.MAX_SMALL_SIZE) {
                return alloc(SizeClasses.bucket(blockSize), bytes);
            }
        }
        return large(size, Math.max(alignment, 16));
    }

    /**
     * {@code grealloc}: same address when the new size fits the same bucket, else move, copy and free.
     *
     * @return the block's address, new or not
     */
    public static long realloc(long address, long newSize) {
        if (newSize < 0) {
            throw Errors.negativeSize("grealloc size", newSize);
        }
        if (address == 0) {
            return mallocSlow(newSize);
        }
        long oldUsable = BlockLookup.usableForFree("GMalloc.grealloc", address);
        long wanted = Math.max(newSize, 1);
        Slab slab = SlabRegistry.lookup(address);
        if (slab == null) {
            return reallocLarge(address, oldUsable, wanted, newSize);
        }
        boolean fits =
                wanted <= oldUsable && (slab.bucket.dedicated || SizeClasses.bucket(wanted) == slab.bucket.index);
        if (fits) {
            if (wanted < oldUsable) {
                // No header records the size asked for, so a later in-place growth cannot know which bytes are
                // the "tail" it must zero-fill: clear them now, while we know this shrink gave them up.
                if (!slab.zeroWhileLive(address, wanted, oldUsable - wanted)) {
                    throw Errors.invalidFree(
                            "GMalloc.grealloc", address, Reason.DOUBLE_FREE, " (freed meanwhile, " + slab + ")");
                }
            }
            return address;
        }
        long moved = mallocSlow(newSize);
        try {
            FreeRouter.freeAfterCopy(address, moved, Math.min(oldUsable, wanted));
        } catch (io.gmalloc.InvalidFreeException e) {
            FreeRouter.free(moved); // another thread freed the old block meanwhile: leak nothing, report it
            throw Errors.renamed(e, "GMalloc.grealloc");
        }
        return moved;
    }

    /**
     * {@link #realloc} of a large block. The block is claimed ({@link LargeBlocks#claim}) before its memory is
     * read or written: a free racing from another thread is then refused instead of unmapping the memory under
     * the copy, and if that free wins the claim, this call frees the new block and reports it.
     */
    private static long reallocLarge(long address, long oldUsable, long wanted, long newSize) {
        if (wanted <= oldUsable && wanted > SizeClasses.MAX_SMALL_SIZE) {
            if (wanted < oldUsable) {
                if (LargeBlocks.claim(address) < 0) {
                    throw Errors.invalidFree("GMalloc.grealloc", address, LargeBlocks.whyNot(address), "");
                }
                Memory.zero(address + wanted, oldUsable - wanted); // see realloc: the shrink gave these bytes up
                LargeBlocks.unclaim(address);
            }
            return address;
        }
        long moved = mallocSlow(newSize);
        long claimed = LargeBlocks.claim(address);
        if (claimed < 0) {
            FreeRouter.free(moved); // another thread freed the old block meanwhile: leak nothing, report it
            throw Errors.invalidFree("GMalloc.grealloc", address, LargeBlocks.whyNot(address), "");
        }
        RegionHeap.forgetLarge(address);
        Memory.copy(address, moved, Math.min(claimed, wanted));
        LargeBlocks.freeClaimed(address);
        return moved;
    }
}
