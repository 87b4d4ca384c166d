package io.gmalloc.internal;

import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;

/**
 * Routes every free to the one place that may take the block back, and nowhere else decides:
 *
 * <ul>
 *   <li><b>local</b>: a block of the calling thread's own heap is freed in place with plain writes
 *       ({@link Slab#freeFast} for its current slab while that has seen no remote free, else
 *       {@link Heap#freeLocal});
 *   <li><b>stripe</b>: a block of a virtual-thread stripe whose lock is free is freed in place under the lock;
 *   <li><b>remote</b>: a block of any other heap (or of a slab in the pool) is claimed atomically in the slab's
 *       remote frees, which its owner drains on its slow path ({@link Slab#freeRemote});
 *   <li><b>large</b>: an address in no slab goes to {@link LargeBlocks}, which knows every live block above 512
 *       bytes;
 *   <li><b>invalid</b>: whichever of them finds the address is not a live block start throws the
 *       {@link InvalidFreeException}, before anything changed; 0 is a no-op.
 * </ul>
 *
 * {@link #free(long)} is the hot path of {@code gfree}: a registry lookup, one comparison of the slab's fast owner,
 * and the slab's fast free; everything else is out of line.
 */
public final class FreeRouter {
    private FreeRouter() {}

    /**
     * Frees any gmalloc block; 0 does nothing. The common case, the owner freeing a block of its current slab that
     * has seen no remote free, takes {@link Slab#freeFast}: no remote bitmap, no Arenarray. Everything else is out
     * of line in {@link #freeSlow}.
     */
    public static void free(long address) {
        Slab slab = SlabRegistry.lookup(address);
        if (slab != null && slab.fastOwner == Thread.currentThread()) {
            slab.freeFast(address);
            return;
        }
        freeSlow(address, slab);
    }

    /** {@link #free} when the fast path does not apply: the owner's other slabs, then {@link #freeElsewhere}. */
    private static void freeSlow(long address, Slab slab) {
        if (slab != null && slab.ownerThread == Thread.currentThread()) {
            Heap.freeLocal(slab, address);
            return;
        }
        freeElsewhere(address, slab);
    }

    /**
     * {@code grealloc}'s move of a block of a bucket: copies {@code bytes} from {@code address} to {@code to}, then
     * frees {@code address}, so that the copy never reads memory a racing free has given back. The owner copies
     * and frees in place (only its own thread retires its slabs); a stripe's block is copied under the stripe's
     * lock; a remote block is copied inside its remote free, after the claim and before it is published, where no
     * reclaim can retire the slab ({@link Slab#freeRemote(long, long, long)}). Nothing is copied when the free is
     * refused.
     *
     * @throws InvalidFreeException as {@link #free}
     */
    static void freeAfterCopy(long address, long to, long bytes) {
        Slab slab = SlabRegistry.lookup(address);
        if (slab == null || slab.ownerThread == Thread.currentThread()) {
            Memory.copy(address, to, bytes); // a large block was claimed by the caller; our own slab stays mapped
            free(address);
            return;
        }
        freeElsewhere(address, slab, to, bytes);
    }

    /**
     * {@code gfree} when the block is not the caller's own: 0, large blocks, unknown addresses, blocks of a
     * virtual-thread stripe (freed in place if its lock is free), remote frees.
     *
     * @param slab the slab whose memory contains {@code address}, or null
     */
    private static void freeElsewhere(long address, Slab slab) {
        freeElsewhere(address, slab, 0, 0);
    }

    /** {@link #freeElsewhere(long, Slab)}, first copying {@code bytes} to {@code to} where that is safe. */
    private static void freeElsewhere(long address, Slab slab, long to, long bytes) {
        if (bytes > 0 && (slab == null || slab.home.heap.host instanceof RegionHeap)) {
            Memory.copy(address, to, bytes); // a region's blocks stay mapped until its owner closes it
            bytes = 0;
        }
        if (slab == null) {
            if (address != 0 && !RegionHeap.freeLarge(address)) {
                LargeBlocks.free(address);
            }
            return;
        }
        if (slab.home.heap.host instanceof RegionHeap region) {
            region.freeRemote(slab, address); // fenced against the region's close
            return;
        }
        Heap owner = slab.owner;
        if (owner.lock != null && owner.lock.tryLock()) {
            try {
                if (slab.owner == owner) {
                    if (bytes > 0) {
                        Memory.copy(address, to, bytes);
                    }
                    Heap.freeLocal(slab, address);
                    return;
                }
            } finally {
                owner.lock.unlock();
            }
        }
        slab.freeRemote(address, to, bytes);
    }

    /**
     * Frees a block that must belong to {@code bucket}; errors name {@code method}, the method the user called.
     *
     * @throws InvalidFreeException with {@code WRONG_BUCKET} for another bucket's block, else as {@link #free}
     */
    public static void free(long address, Bucket bucket, String method) {
        Slab slab = SlabRegistry.lookup(address);
        if (slab != null && slab.contains(address) && slab.bucket != bucket) {
            throw Errors.invalidFree(method, address, Reason.WRONG_BUCKET, " (" + slab + ", not " + bucket + ")");
        }
        if (slab == null && address != 0 && LargeBlocks.usableSize(address) > 0) {
            throw Errors.invalidFree(method, address, Reason.WRONG_BUCKET, " (a large block, not " + bucket + ")");
        }
        try {
            if (slab != null && slab.ownerThread == Thread.currentThread()) {
                Heap.freeLocal(slab, address);
            } else {
                freeElsewhere(address, slab);
            }
        } catch (InvalidFreeException e) {
            throw Errors.renamed(e, method);
        }
    }
}
