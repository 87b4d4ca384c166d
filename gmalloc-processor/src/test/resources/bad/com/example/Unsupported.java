package com.example;

import io.gmalloc.annotations.GMallocBucket;

record PlainPoint(int x, int y) {}

@GMallocBucket
record Unsupported(
        int fine,
        String name,
        Integer boxed,
        Object anything,
        long[] samples,
        PlainPoint point) {}
