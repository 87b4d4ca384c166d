package io.gmalloc.internal;

/**
 * The 64 general buckets of the seed: block sizes 8, 16, 24 … 512 bytes. Pure arithmetic.
 *
 * <p>A bucket index ({@code bucket}) numbers every bucket a heap serves: 0..63 are the general buckets
 * ({@code blockSize = (bucket + 1) * 8}), 64 and up are {@link io.gmalloc.SpecialBucket}s in creation order.
 */
public final class SizeClasses {
    private SizeClasses() {}

    /** Largest size served by a general bucket; larger sizes go to the system allocator. */
    public static final long MAX_SMALL_SIZE = 512;

    /** Distance between general bucket sizes, and their alignment. */
    public static final long GRANULE = 8;

    /** Number of general buckets. */
    public static final int GENERAL_BUCKETS = (int) (MAX_SMALL_SIZE / GRANULE);

    /**
     * Returns whether a size is served by a general bucket: 1..512, in one unsigned comparison (0 and negative
     * sizes wrap around to huge values).
     *
     * @param size bytes asked for, any value
     * @return {@code true} for 1..512
     */
    public static boolean isSmall(long size) {
        return Long.compareUnsigned(size - 1, MAX_SMALL_SIZE) < 0;
    }

    /**
     * Returns the general bucket for a size.
     *
     * @param size bytes asked for, 1..512
     * @return the bucket index, 0..63
     */
    public static int bucket(long size) {
        return (int) ((size - 1) >>> 3);
    }

    /**
     * Returns a general bucket's block size.
     *
     * @param bucket the bucket index, 0..63
     * @return its block size in bytes
     */
    public static long blockSize(int bucket) {
        return (bucket + 1) * GRANULE;
    }
}
