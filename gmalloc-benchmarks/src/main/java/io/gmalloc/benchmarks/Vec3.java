package io.gmalloc.benchmarks;

import io.gmalloc.annotations.GMallocBucket;

/**
 * The benchmarks' 12-byte struct: the annotation processor generates {@code Vec3Bucket} (a dedicated bucket of
 * stride 12 with typed accessors). The record itself is the heap baseline ({@code new Vec3(...)}).
 *
 * @param x first component
 * @param y second component
 * @param z third component
 */
@GMallocBucket
public record Vec3(float x, float y, float z) {}
