package io.gmalloc.internal;

import io.gmalloc.GMalloc;
import io.gmalloc.InvalidFreeException.Reason;

/**
 * Everything {@code GMalloc} and {@code SpecialBucket} do off their fast paths: first use on a thread, virtual
 * threads, sizes 0 and above 512, invalid input, frees of blocks other heaps own, and address validation.
 */
public final class Allocator {
    private Allocator() {}

    /** {@code gmalloc} when the fast path did not apply. */
    public static long mallocSlow(long size) {
        if (size < 0) {
            throw Errors.negativeSize("gmalloc size", size);
        }
        if (size > SizeClasses.MAX_SMALL_SIZE) {
            return LargeBlocks.alloc(size, 16);
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
     * {@code gfree} when the block is not the caller's own: 0, large blocks, unknown addresses, blocks of a
     * virtual-thread stripe (freed in place if its lock is free), remote frees.
     *
     * @param slab the slab whose memory contains {@code address}, or null
     */
    public static void freeSlow(long address, Slab slab) {
        if (slab == null) {
            if (address != 0 && !RegionHeap.freeLarge(address)) {
                LargeBlocks.free(address);
            }
            return;
        }
        RegionHeap region = slab.home.heap.region;
        if (region != null) {
            region.freeRemote(slab, address);
            return;
        }
        Heap owner = slab.owner;
        if (owner.lock != null && owner.lock.tryLock()) {
            try {
                if (slab.owner == owner) {
                    Heap.freeLocal(slab, address);
                    return;
                }
            } finally {
                owner.lock.unlock();
            }
        }
        slab.freeRemote(address);
    }

    /**
     * Frees a block that must belong to {@code bucket}.
     *
     * @throws io.gmalloc.InvalidFreeException with {@code WRONG_BUCKET} for another bucket's block
     */
    public static void free(long address, Bucket bucket) {
        Slab slab = SlabRegistry.lookup(address);
        if (slab != null && slab.bucket != bucket) {
            throw Errors.invalidFree(address, Reason.WRONG_BUCKET,
                    " (" + slab + ", not " + bucket + ")");
        }
        if (slab == null && address != 0 && LargeBlocks.usableSize(address) > 0) {
            throw Errors.invalidFree(address, Reason.WRONG_BUCKET, " (a large block, not " + bucket + ")");
        }
        Heap.free(slab, address);
    }

    /**
     * Usable bytes of the live block starting at {@code address}.
     *
     * @throws io.gmalloc.InvalidFreeException when there is none
     */
    public static long usableSize(long address) {
        Slab slab = SlabRegistry.lookup(address);
        if (slab != null) {
            int index = slab.blockIndex(address);
            if (index < 0) {
                throw Errors.invalidFree(address, Reason.INTERIOR, slab);
            }
            if (!slab.isLive(index)) {
                throw Errors.invalidFree(address, Reason.DOUBLE_FREE, slab);
            }
            return slab.stride;
        }
        long bytes = LargeBlocks.usableSize(address);
        if (bytes < 0) {
            throw Errors.invalidFree(address, LargeBlocks.whyNot(address), "");
        }
        return bytes;
    }

    /** {@code grealloc}: same address when the new size fits the same bucket, else move, copy and free. */
    public static long realloc(long address, long newSize) {
        if (newSize < 0) {
            throw Errors.negativeSize("grealloc size", newSize);
        }
        if (address == 0) {
            return GMalloc.gmalloc(newSize);
        }
        long oldUsable = usableSize(address);
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
        long moved = GMalloc.gmalloc(newSize);
        Memory.copy(address, moved, Math.min(oldUsable, wanted));
        GMalloc.gfree(address);
        return moved;
    }

    /**
     * A zeroed block of {@code bytes} aligned to {@code alignment} (a power of two): a general bucket whose block
     * size is a multiple of the alignment when one fits, else the system allocator.
     */
    public static long allocAligned(long bytes, long alignment) {
        long size = Math.max(bytes, 1);
        if (alignment <= SizeClasses.MAX_SMALL_SIZE) {
            long blockSize = Bucket.roundUp(Math.max(size, alignment), Math.max(alignment, SizeClasses.GRANULE));
            if (blockSize <= SizeClasses.MAX_SMALL_SIZE) {
                return alloc(SizeClasses.bucket(blockSize), bytes);
            }
        }
        return LargeBlocks.alloc(size, Math.max(alignment, 16));
    }

    /**
     * Checked mode: throws unless {@code [address, address + bytes)} lies inside one live block.
     *
     * @throws io.gmalloc.InvalidAccessException otherwise
     */
    public static void checkAccess(long address, long bytes) {
        Slab slab = SlabRegistry.lookup(address);
        if (slab != null) {
            int index = slab.containingBlock(address);
            if (index < 0) {
                throw Errors.invalidAccess(address, bytes, "lies in the unused tail of " + slab);
            }
            if (!slab.isLive(index)) {
                throw Errors.invalidAccess(address, bytes, "lies in a freed block (use after free?) of " + slab);
            }
            long end = slab.blockAddress(index) + slab.stride;
            if (bytes < 0 || bytes > end - address) { // not address + bytes > end: that wraps for huge lengths
                throw Errors.invalidAccess(address, bytes, "runs past the end of its " + slab.stride
                        + "-byte block at 0x" + Long.toHexString(end - slab.stride));
            }
            return;
        }
        if (!LargeBlocks.contains(address, bytes)) {
            throw Errors.invalidAccess(address, bytes, "is not inside a live gmalloc block");
        }
    }

    /** {@code trim()}: dead heaps, the caller's heap, free stripes, orphans, then the pool. */
    public static long trim() {
        long releasedBefore = SlabPool.releasedBytes();
        Heaps.reapDead();
        Heaps.trimReachable(); // what it retires past the pool's reserve is released right away: counted too
        SlabPool.trim();
        long released = SlabPool.releasedBytes() - releasedBefore + LargeBlocks.releaseQuarantine();
        Events.trim(released);
        return released;
    }
}
