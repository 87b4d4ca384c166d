package com.example;

import io.gmalloc.annotations.Atomic;
import io.gmalloc.annotations.BigEndian;
import io.gmalloc.annotations.GMallocBucket;
import io.gmalloc.annotations.Length;
import io.gmalloc.annotations.Utf8;

enum Color { RED, GREEN }

@GMallocBucket
record BadVocabulary(
        @Length(4) int notArray,
        @Utf8(8) long notString,
        @Length(0) int[] zeroLength,
        @Utf8(-1) String negativeUtf8,
        @BigEndian @Atomic int bigAtomic,
        int[] noLength,
        @Atomic short smallAtomic,
        @Atomic double floatingAtomic,
        @BigEndian byte oneByte,
        @Length(2) String[] strings,
        @Length(2) Color[] colors,
        @Utf8(4) String fine,
        Color color) {}

@BigEndian
@GMallocBucket
record BigAtomic(int a, @Atomic long counter) {}

@GMallocBucket
record StillGenerated(@Utf8(4) String s, @Length(2) int[] a, Color c) {}

class Hidden {
    private enum Secret { A }

    @GMallocBucket
    record UsesSecret(Secret secret) {}
}

@GMallocBucket
record SameConstant(@Length(2) int[] fooBar, @Length(3) int[] foo_bar) {}
