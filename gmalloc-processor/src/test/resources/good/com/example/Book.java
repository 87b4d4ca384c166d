package com.example;

import io.gmalloc.annotations.Atomic;
import io.gmalloc.annotations.GMallocBucket;
import io.gmalloc.annotations.Length;

/** Nests Level once and as an array. */
@GMallocBucket
public record Book(Level best, @Length(2) Level[] depth, @Atomic int fills) {}
