package io.gmalloc.examples;

import io.gmalloc.annotations.GMallocBucket;

/**
 * A 3-vector of floats: 12 bytes, not a multiple of 8, so the generated {@code Vec3Bucket} gets an exact-stride
 * special bucket and each vector costs 12 bytes off-heap.
 *
 * @param x first coordinate
 * @param y second coordinate
 * @param z third coordinate
 */
@GMallocBucket
public record Vec3(float x, float y, float z) {}
