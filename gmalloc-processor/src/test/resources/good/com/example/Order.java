package com.example;

import io.gmalloc.annotations.Atomic;
import io.gmalloc.annotations.BigEndian;
import io.gmalloc.annotations.GMallocBucket;
import io.gmalloc.annotations.Length;
import io.gmalloc.annotations.Utf8;

/** Every kind of the struct vocabulary in one record. */
@GMallocBucket
public record Order(
        @Utf8(8) String symbol,
        Side side,
        @Length(4) int[] levels,
        @Length(2) Vec3[] corners,
        @BigEndian int seq,
        @Atomic long fills,
        @BigEndian @Length(2) short[] ports,
        @Length(3) boolean[] flags,
        @Atomic int hits) {}
