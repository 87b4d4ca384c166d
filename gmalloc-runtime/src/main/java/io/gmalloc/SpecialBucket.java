package io.gmalloc;

import io.gmalloc.internal.Allocation;
import io.gmalloc.internal.Bucket;
import io.gmalloc.internal.FreeRouter;
import io.gmalloc.internal.Heap;
import io.gmalloc.internal.Heaps;
import io.gmalloc.internal.Sites;
import io.gmalloc.internal.Stats;

/**
 * An exact-stride bucket with arenas of its own: the seed's special bucket ({@code GSpecialMetadata}). Blocks of
 * a 12-byte struct lie 12 bytes apart, so a 12-byte object costs 12 bytes instead of the 16 of the general
 * bucket. Generated {@code <Record>Bucket} classes hold one; programs may create their own.
 *
 * <p>Blocks are zero-filled and aligned to {@link #alignment()}; each thread allocates from its own arenas as with
 * {@link GMalloc#gmalloc}. {@link GMalloc#gfree} and {@link GMalloc#usableSize} accept special blocks too.
 * Instances live as long as the program: create one per type, in a {@code static final} field.
 */
public final class SpecialBucket {
    static {
        GMalloc.start(); // -Dgmalloc.jmx=true: register the MXBean on first use through this entry point too
    }

    /** Registered bucket; its index is shared by every heap's per-bucket arrays. */
    private final Bucket bucket;

    private final String name;

    /** How free errors name the method: {@code SpecialBucket(<name>).free}. */
    private final String freeMethod;

    private final long stride;
    private final long alignment;

    /**
     * Creates and registers a special bucket. Buckets with the same name, stride and alignment are one bucket
     * (their blocks are interchangeable), so re-running a class initialiser in another class loader adds none.
     *
     * @param name a name for messages and stats, e.g. the record's qualified name
     * @param stride bytes per block, 1..65536; blocks lie exactly this far apart
     * @param alignment alignment of every block: a power of two, 1..8, dividing {@code stride}
     * @throws IllegalArgumentException if a value is out of range
     */
    public SpecialBucket(String name, long stride, long alignment) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a special bucket needs a name");
        }
        if (stride < 1 || stride > Bucket.MAX_STRIDE) {
            throw new IllegalArgumentException("special bucket " + name + ": stride must be 1.." + Bucket.MAX_STRIDE
                    + ", was " + stride + " (larger structs go to GMalloc.gmalloc)");
        }
        if (alignment < 1 || alignment > 8 || Long.bitCount(alignment) != 1 || stride % alignment != 0) {
            throw new IllegalArgumentException("special bucket " + name + ": alignment must be 1, 2, 4 or 8 and"
                    + " divide the stride " + stride + ", was " + alignment);
        }
        this.name = name;
        this.freeMethod = "SpecialBucket(" + name + ").free";
        this.stride = stride;
        this.alignment = alignment;
        this.bucket = Bucket.registerSpecial(name, stride, alignment);
    }

    /**
     * Returns the name given at creation.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the bytes per block, which is also the distance between neighbouring blocks.
     *
     * @return the stride
     */
    public long stride() {
        return stride;
    }

    /**
     * Returns the alignment every block has.
     *
     * @return the alignment in bytes
     */
    public long alignment() {
        return alignment;
    }

    /**
     * Allocates a zero-filled block of {@link #stride()} bytes.
     *
     * @return the block's address, never 0
     * @throws OutOfMemoryError if the OS has no memory or {@code -Dgmalloc.maxBytes} would be passed
     */
    public long alloc() {
        if (Sites.ON) {
            return Sites.allocated(Allocation.alloc(bucket.index(), stride), null);
        }
        Heap heap = Heaps.local();
        return heap != null ? heap.alloc(bucket.index(), stride) : Allocation.alloc(bucket.index(), stride);
    }

    /**
     * Allocates a zero-filled block of {@link #stride()} bytes in a region: the block lies in an arena of this
     * bucket that belongs to the region, so it is {@code stride} bytes apart from its neighbours and freed with the
     * region. {@link #free} and {@link GMalloc#gfree} free it early, from any thread.
     *
     * @param region an open region of the calling thread
     * @return the block's address, never 0
     * @throws OutOfMemoryError if the OS has no memory or {@code -Dgmalloc.maxBytes} would be passed
     * @throws WrongThreadException if the caller is not the thread that opened the region
     * @throws IllegalStateException if the region is closed
     */
    public long alloc(Region region) {
        return region.allocBucket(bucket.index(), stride);
    }

    /**
     * Frees a block of this bucket. Any thread may free any block.
     *
     * @param address the block's address; 0 does nothing
     * @throws InvalidFreeException with reason {@code WRONG_BUCKET} for another bucket's block, or
     *     {@code NOT_OWNED}, {@code INTERIOR}, {@code DOUBLE_FREE} as {@link GMalloc#gfree}; nothing changed then
     */
    public void free(long address) {
        if (Sites.ON) {
            Object tracked = Sites.beforeFree(address);
            FreeRouter.free(address, bucket, freeMethod);
            Sites.freed(address, tracked);
            return;
        }
        FreeRouter.free(address, bucket, freeMethod);
    }

    /**
     * Returns this bucket's figures summed over all heaps.
     *
     * @return live and free blocks and arenas of this bucket
     */
    public BucketStats stats() {
        return Stats.of(bucket);
    }

    @Override
    public String toString() {
        return "SpecialBucket[" + name + ", stride=" + stride + ", alignment=" + alignment + "]";
    }
}
