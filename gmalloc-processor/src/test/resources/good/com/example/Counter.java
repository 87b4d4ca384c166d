package com.example;

import io.gmalloc.annotations.Atomic;
import io.gmalloc.annotations.GMallocBucket;

/** 16 bytes, dedicated: a special bucket whose blocks must be 8-aligned for the atomic long. */
@GMallocBucket(dedicated = true)
public record Counter(byte tag, @Atomic long count) {}
