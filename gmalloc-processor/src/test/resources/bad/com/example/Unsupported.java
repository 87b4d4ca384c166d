package com.example;

import io.gmalloc.annotations.GMallocBucket;
import java.util.concurrent.TimeUnit;

record PlainPoint(int x, int y) {}

@GMallocBucket
record Unsupported(
        int fine,
        String name,
        Integer boxed,
        Object anything,
        long[] samples,
        PlainPoint point,
        TimeUnit unit) {}
