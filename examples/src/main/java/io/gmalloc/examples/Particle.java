package io.gmalloc.examples;

import io.gmalloc.annotations.GMallocBucket;

/**
 * A simulated particle: two {@link Vec3} inlined as nested structs plus a mass, 28 bytes in
 * {@code ParticleBucket}'s own special bucket.
 *
 * @param pos position in metres
 * @param vel velocity in metres per second
 * @param mass mass in kilograms
 */
@GMallocBucket
public record Particle(Vec3 pos, Vec3 vel, float mass) {}
