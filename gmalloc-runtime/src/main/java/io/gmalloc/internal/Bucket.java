package io.gmalloc.internal;

import java.util.Arrays;

/**
 * A block size gmalloc serves from slabs: one of the 64 general buckets, or a {@link io.gmalloc.SpecialBucket}.
 * Immutable; registered once and numbered by {@link #index} (general buckets first, see {@link SizeClasses}).
 */
public final class Bucket {
    /** Smallest slab; every slab is a multiple of it (one registry chunk). */
    static final long MIN_SLAB_BYTES = SlabRegistry.CHUNK_BYTES;

    /** Slabs of a bucket grow ×4 from the first up to this size (the seed grows its arenas ~10×). */
    static final long MAX_SLAB_BYTES = 4L << 20;

    /** Largest stride of a special bucket. */
    public static final long MAX_STRIDE = 64L << 10;

    /** Index in every heap's per-bucket arrays. */
    final int index;

    /** Bytes per block; blocks lie exactly {@code stride} bytes apart. */
    final long stride;

    /** Guaranteed alignment of every block, a power of two dividing {@code stride}. */
    final long alignment;

    /** {@code true} for a special bucket. */
    final boolean dedicated;

    /** For messages and stats: {@code "8"} … {@code "512"} for general buckets, the given name otherwise. */
    final String name;

    /** Size of a bucket's first slab in each heap: room for at least 64 blocks. */
    final long firstSlabBytes;

    /** Size the slabs grow to. */
    final long maxSlabBytes;

    private static final Object LOCK = new Object();

    /** All buckets by index. Copy-on-write under {@link #LOCK}; read by anyone. */
    private static volatile Bucket[] all = generalBuckets();

    private Bucket(int index, long stride, long alignment, boolean dedicated, String name) {
        this.index = index;
        this.stride = stride;
        this.alignment = alignment;
        this.dedicated = dedicated;
        this.name = name;
        this.firstSlabBytes = roundUp(Math.max(MIN_SLAB_BYTES, stride * 64), MIN_SLAB_BYTES);
        this.maxSlabBytes = Math.max(MAX_SLAB_BYTES, roundUp(stride * 1024, MIN_SLAB_BYTES));
    }

    private static Bucket[] generalBuckets() {
        Bucket[] general = new Bucket[SizeClasses.GENERAL_BUCKETS];
        for (int i = 0; i < general.length; i++) {
            long blockSize = SizeClasses.blockSize(i);
            general[i] = new Bucket(i, blockSize, Long.lowestOneBit(blockSize), false, Long.toString(blockSize));
        }
        return general;
    }

    /**
     * Registers a special bucket, or returns the one already registered under the same name and shape: a
     * generated class initialised again in another class loader (tests, hot reload, plugins) shares its bucket
     * instead of adding one per load. Validation of the arguments is the caller's ({@code SpecialBucket}).
     *
     * @return the bucket
     */
    public static Bucket registerSpecial(String name, long stride, long alignment) {
        synchronized (LOCK) {
            Bucket[] old = all;
            for (int i = SizeClasses.GENERAL_BUCKETS; i < old.length; i++) {
                Bucket known = old[i];
                if (known.name.equals(name) && known.stride == stride && known.alignment == alignment) {
                    return known;
                }
            }
            Bucket bucket = new Bucket(old.length, stride, alignment, true, name);
            Bucket[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = bucket;
            all = grown;
            return bucket;
        }
    }

    /** Every bucket registered so far, by index. */
    static Bucket[] all() {
        return all;
    }

    /** Index shared by every heap's arrays. */
    public int index() {
        return index;
    }

    static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    @Override
    public String toString() {
        return (dedicated ? "special bucket " : "bucket ") + name + " (" + stride + "-byte blocks)";
    }
}
