package io.gmalloc.examples.reliability;

import io.gmalloc.annotations.GMallocBucket;

/** Records the model-based test runs through their generated buckets: one per bucket choice of docs/design.md §4. */
final class Records {
    private Records() {}

    /** 1 byte: a special bucket of stride 1. */
    @GMallocBucket
    record Tiny(byte b) {}

    /** 4 bytes, 2-aligned: a special bucket of stride 4. */
    @GMallocBucket
    record Odd(short a, byte b) {}

    /** 24 bytes with padding after {@code a} and {@code c}: a multiple of 8, so the general 24-byte bucket. */
    @GMallocBucket
    record Mixed(byte a, long b, short c) {}

    /** 16 bytes but {@code dedicated}: a special bucket although 16 is a general size. */
    @GMallocBucket(dedicated = true)
    record Pair(long a, double b) {}
}
