package io.gmalloc;

import io.gmalloc.internal.Errors;
import io.gmalloc.internal.Heap;
import io.gmalloc.internal.RegionHeap;
import io.gmalloc.internal.Sites;
import io.gmalloc.internal.SizeClasses;

/**
 * A heap of its own (mimalloc's {@code mi_heap_t}): many small blocks, freed one by one or all at once. Blocks
 * come from arenas that belong to the region alone, so {@link #close()} frees every block still live in one step
 * and gives the arenas back, with a cost that grows with the region's arenas, not its blocks. Typical use is one
 * region per request, frame or batch:
 *
 * {@snippet :
 * try (Region region = Region.open()) {
 *     long header = region.gmalloc(32);
 *     long body = region.gcalloc(100, 8);
 *     region.free(body);           // early free: the memory is reusable in the region at once
 *     Vec3Bucket.alloc(region);    // generated buckets allocate in a region too
 * }                                // header and the Vec3 are freed here
 * }
 *
 * <p>A region is confined to the thread that opened it, like {@link java.lang.foreign.Arena#ofConfined()}:
 * {@link #gmalloc}, {@link #gcalloc}, {@link #free}, {@link #liveBlocks}, {@link #reservedBytes} and
 * {@link #close} from any other thread throw {@link WrongThreadException} and change nothing. Its blocks are
 * ordinary gmalloc blocks for everything else: {@link GMalloc#gfree}, {@link GMalloc#usableSize},
 * {@link GMalloc#segment} and the generated accessors accept them from any thread (a {@code gfree} from another
 * thread is a remote free the region takes back on its next slow path). {@link GMalloc#grealloc} of a region block
 * that has to move returns a block of the calling thread's heap, no longer the region's.
 *
 * <p>After {@link #close()} every method but {@code close} throws {@link IllegalStateException}; {@code close}
 * again does nothing. A block of a closed region no longer exists: {@code GMalloc.gfree} of its address throws
 * {@link InvalidFreeException} ({@code NOT_OWNED}) unless the memory has been handed out again since, and then it
 * is the new owner's block, exactly as with any freed address. Other threads may free blocks of the region while
 * its owner closes it: each such free either takes effect before the close or is rejected as {@code NOT_OWNED}.
 *
 * <p>The fast path needs no thread lookup: the region holds its heap. A region that is never closed keeps its
 * memory, like an arena that is never closed (also when its thread ends). Open regions count as heaps in
 * {@link GMalloc#stats()}, and their blocks in the per-bucket and live figures.
 */
public final class Region implements AutoCloseable {
    static {
        GMalloc.start(); // -Dgmalloc.jmx=true: register the MXBean on first use through this entry point too
    }

    /** The region's memory. */
    private final RegionHeap memory;

    /** {@code memory.heap}, one load less on the fast path. */
    private final Heap heap;

    /** {@code memory.owner}: the only thread allowed in. */
    private final Thread owner;

    /** Set by {@link #close()}; plain: only the owner reads or writes it (remote frees read the heap's flag). */
    private boolean closed;

    private Region(RegionHeap memory) {
        this.memory = memory;
        this.heap = memory.heap;
        this.owner = memory.owner;
    }

    /**
     * Opens a region confined to the calling thread. Opening costs two small arrays; memory is taken on the first
     * allocation of each block size.
     *
     * @return a new, open region
     */
    public static Region open() {
        return new Region(RegionHeap.open());
    }

    /**
     * Allocates a zero-filled block of at least {@code size} bytes in this region, with {@link GMalloc#gmalloc}'s
     * semantics (0 is treated as 1; above 512 bytes the block comes from the C library and is still the region's).
     *
     * @param size bytes wanted
     * @return the block's address, never 0, 8-byte aligned (16 above 512 bytes)
     * @throws IllegalArgumentException if {@code size} is negative
     * @throws OutOfMemoryError if the OS has no memory or {@code -Dgmalloc.maxBytes} would be passed
     * @throws WrongThreadException if the caller is not the thread that opened the region
     * @throws IllegalStateException if the region is closed
     */
    public long gmalloc(long size) {
        if (Thread.currentThread() != owner || closed) {
            throw refused();
        }
        if (Sites.ON) {
            return Sites.allocated(memory.allocSlow(size), memory);
        }
        if (size > 0 && size <= SizeClasses.MAX_SMALL_SIZE) {
            return heap.alloc(SizeClasses.bucket(size), size);
        }
        return memory.allocSlow(size);
    }

    /**
     * Allocates a zero-filled array of {@code count} elements of {@code size} bytes in this region.
     *
     * @param count number of elements, at least 0
     * @param size bytes per element, at least 0
     * @return the block's address
     * @throws IllegalArgumentException if either argument is negative or {@code count * size} overflows
     * @throws OutOfMemoryError as {@link #gmalloc}
     * @throws WrongThreadException if the caller is not the thread that opened the region
     * @throws IllegalStateException if the region is closed
     */
    public long gcalloc(long count, long size) {
        check();
        return gmalloc(Errors.callocBytes(count, size));
    }

    /**
     * Frees one block of this region; its memory is reusable in the region at once. {@code free(0)} does nothing.
     *
     * @param address a live block of this region, or 0
     * @throws InvalidFreeException with reason {@code WRONG_BUCKET} if {@code address} is a live gmalloc block of
     *     another region or heap (free it with {@link GMalloc#gfree}), {@code NOT_OWNED} if it is no live gmalloc
     *     block at all, {@code INTERIOR} or {@code DOUBLE_FREE} for an address inside this region's memory that is
     *     not a live block's start; nothing changed then
     * @throws WrongThreadException if the caller is not the thread that opened the region
     * @throws IllegalStateException if the region is closed
     */
    public void free(long address) {
        check();
        if (address == 0) {
            return;
        }
        if (Sites.ON) {
            Object tracked = Sites.beforeFree(address);
            memory.free(address);
            Sites.freed(address, tracked);
            return;
        }
        memory.free(address);
    }

    /**
     * Returns the number of blocks of this region not freed yet. Frees by other threads count once the region
     * has seen them (they are exact when those threads are quiet).
     *
     * @return live blocks, small and large
     * @throws WrongThreadException if the caller is not the thread that opened the region
     * @throws IllegalStateException if the region is closed
     */
    public long liveBlocks() {
        check();
        return memory.liveBlocks();
    }

    /**
     * Returns the bytes this region holds: its arenas (used or not) and its live large blocks. All of it is given
     * back by {@link #close()}.
     *
     * @return bytes reserved for this region
     * @throws WrongThreadException if the caller is not the thread that opened the region
     * @throws IllegalStateException if the region is closed
     */
    public long reservedBytes() {
        check();
        return memory.reservedBytes();
    }

    /**
     * Frees every block still live and gives the region's memory back: its arenas to gmalloc's pool of empty
     * arenas (and past {@code -Dgmalloc.retainBytes} to the OS), its large blocks to the C library. Does nothing
     * if the region is closed already.
     *
     * @throws WrongThreadException if the caller is not the thread that opened the region
     */
    @Override
    public void close() {
        if (Thread.currentThread() != owner) {
            throw refused();
        }
        if (closed) {
            return;
        }
        closed = true;
        memory.close();
    }

    /** Allocates a block of a special bucket in this region: {@link SpecialBucket#alloc(Region)}. */
    long allocBucket(int bucket, long stride) {
        check();
        if (Sites.ON) {
            return Sites.allocated(heap.alloc(bucket, stride), memory);
        }
        return heap.alloc(bucket, stride);
    }

    private void check() {
        if (Thread.currentThread() != owner || closed) {
            throw refused();
        }
    }

    private RuntimeException refused() {
        if (Thread.currentThread() != owner) {
            return new WrongThreadException("region opened by " + owner + " used by " + Thread.currentThread()
                    + "; a region is confined to the thread that opened it (GMalloc.gfree frees its blocks from"
                    + " any thread)");
        }
        return new IllegalStateException("region already closed");
    }

    @Override
    public String toString() {
        return "Region[owner=" + owner.getName() + (closed ? ", closed]" : "]");
    }
}
