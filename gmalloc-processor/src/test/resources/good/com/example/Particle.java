package com.example;

import io.gmalloc.annotations.GMallocBucket;

/** Nested: two Vec3 inlined; 28 bytes, a special bucket. */
@GMallocBucket
public record Particle(Vec3 pos, Vec3 vel, float mass) {}
