package io.gmalloc.examples.reliability;

import io.gmalloc.annotations.Atomic;
import io.gmalloc.annotations.BigEndian;
import io.gmalloc.annotations.GMallocBucket;
import io.gmalloc.annotations.Length;
import io.gmalloc.annotations.Utf8;

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

    /** Three constants: a uint8_t ordinal. */
    enum Side {
        BUY,
        SELL,
        CROSS
    }

    /** 32 bytes of the struct vocabulary: a string, an enum, big-endian, atomic and an array; general bucket. */
    @GMallocBucket
    record Tagged(
            @Utf8(6) String tag,
            Side side,
            @BigEndian int seq,
            @Atomic long count,
            @Length(3) short[] hist) {}

    /** 12 bytes, big-endian on the record: a special bucket of stride 12 with a string and byte array. */
    @BigEndian
    @GMallocBucket
    record Header(
            short port, @Utf8(5) String name, @Length(3) byte[] flags, Side side) {}
}
