/**
 * gmalloc's machinery; not exported. Reading order for a newcomer:
 *
 * <ol>
 *   <li>{@link io.gmalloc.internal.SizeClasses}: size → general bucket, pure arithmetic.
 *   <li>{@link io.gmalloc.internal.Slab}: one arena of equal blocks (the seed's {@code Arena}), its free bitmap
 *       (the seed's free stack) and its remote-free bitmap.
 *   <li>{@link io.gmalloc.internal.Arenarray}: one bucket's slabs inside one heap (the seed's {@code Arenarray}).
 *   <li>{@link io.gmalloc.internal.Heap}: one Arenarray per bucket (the seed's per-thread {@code GMetadata}).
 *   <li>{@link io.gmalloc.internal.Heaps}: which heap the current thread uses; dead threads; virtual-thread stripes.
 *   <li>{@link io.gmalloc.internal.SlabRegistry}: address → slab, so frees need no per-block header.
 *   <li>{@link io.gmalloc.internal.SlabPool}: empty and orphaned slabs between heaps; {@code trim()}.
 *   <li>{@link io.gmalloc.internal.LargeBlocks}: blocks above 512 bytes from the system allocator.
 *   <li>{@link io.gmalloc.internal.OsMemory}: the only class that takes memory from the OS or gives it back.
 * </ol>
 */
package io.gmalloc.internal;
