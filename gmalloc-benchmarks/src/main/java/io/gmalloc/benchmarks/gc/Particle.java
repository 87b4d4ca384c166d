package io.gmalloc.benchmarks.gc;

import io.gmalloc.annotations.GMallocBucket;
import io.gmalloc.benchmarks.Vec3;

/**
 * The GC story's live record: on the heap three objects (the record and its two {@link Vec3}s, 72 bytes with
 * compressed pointers); off-heap one 28-byte block of the generated {@code ParticleBucket}.
 *
 * @param pos position
 * @param vel velocity
 * @param mass mass
 */
@GMallocBucket
public record Particle(Vec3 pos, Vec3 vel, float mass) {}
