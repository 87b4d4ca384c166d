package io.gmalloc.internal;

/**
 * Everything {@code GMalloc} and {@code SpecialBucket} allocate off their fast paths: first use on a thread,
 * virtual threads, sizes 0 and above 512, aligned blocks, and {@code grealloc}. Calls only inward (heaps, large
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
        boolean fits = slab != null
                ? wanted <= oldUsable && (slab.bucket.dedicated || SizeClasses.bucket(wanted) == slab.bucket.index)
                : wanted <= oldUsable && wanted > SizeClasses.MAX_SMALL_SIZE;
        if (fits) {
            if (wanted < oldUsable) {
                // No header records the size asked for, so a later in-place growth cannot know which bytes are
                // the "tail" it must zero-fill: clear them now, while we know this shrink gave them up.
                Memory.zero(address + wanted, oldUsable - wanted);
            }
            return address;
        }
        long moved = mallocSlow(newSize);
        Memory.copy(address, moved, Math.min(oldUsable, wanted));
        try {
            FreeRouter.free(address);
        } catch (io.gmalloc.InvalidFreeException e) {
            FreeRouter.free(moved); // another thread freed the old block meanwhile: leak nothing, report it
            throw Errors.renamed(e, "GMalloc.grealloc");
        }
        return moved;
    }
}
