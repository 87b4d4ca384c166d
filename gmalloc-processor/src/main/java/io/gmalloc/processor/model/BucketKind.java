package io.gmalloc.processor.model;

/** Where a generated type's blocks come from: the seed's bucket rule, as a pure function of size. */
public enum BucketKind {
    /** A predefined general bucket of exactly the struct's size, through {@code GMalloc.gmalloc(SIZE)}. */
    GENERAL,
    /** A {@code SpecialBucket} of exactly the struct's size as stride, one per generated type. */
    SPECIAL,
    /** Too large for a special bucket: the system allocator, through {@code GMalloc.gmalloc(SIZE)}. */
    SYSTEM;

    /** Largest struct the general buckets serve (64 buckets of 8, 16 … 512 bytes). */
    public static final long MAX_GENERAL_SIZE = 512;

    /** Largest stride a {@code SpecialBucket} accepts: 64 KiB. */
    public static final long MAX_SPECIAL_SIZE = 64 * 1024;

    /**
     * Applies the seed's rule: a size that is a multiple of 8 and at most 512 bytes, when not dedicated, uses the
     * general bucket of that size; anything else gets an exact-stride special bucket up to 64 KiB, and the system
     * allocator above.
     *
     * @param sizeBytes struct size, positive
     * @param dedicated the annotation's {@code dedicated} flag
     * @return the bucket kind
     */
    public static BucketKind choose(long sizeBytes, boolean dedicated) {
        if (sizeBytes > MAX_SPECIAL_SIZE) {
            return SYSTEM;
        }
        if (!dedicated && sizeBytes % 8 == 0 && sizeBytes <= MAX_GENERAL_SIZE) {
            return GENERAL;
        }
        return SPECIAL;
    }
}
