package com.example;

import io.gmalloc.annotations.GMallocBucket;

/** Flat: 12 bytes, not a multiple of 8, so a special bucket of stride 12. */
@GMallocBucket
public record Vec3(float x, float y, float z) {}
