package com.example;

import io.gmalloc.annotations.GMallocBucket;

@GMallocBucket
record Generic<T>(T value, int count) {}
