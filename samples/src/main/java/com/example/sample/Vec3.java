package com.example.sample;

import io.gmalloc.annotations.GMallocBucket;

/**
 * A 12-byte struct: the processor generates {@code Vec3Bucket}, whose blocks lie exactly 12 bytes apart.
 *
 * @param x the x coordinate
 * @param y the y coordinate
 * @param z the z coordinate
 */
@GMallocBucket
public record Vec3(float x, float y, float z) {}
