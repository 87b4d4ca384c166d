package io.gmalloc.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record whose instances live off-heap in a gmalloc bucket: the Java form of the seed's C macro
 * {@code GMALLOC_BUCKET(X)}.
 *
 * <p>For {@code @GMallocBucket record Vec3(float x, float y, float z) {}} the gmalloc annotation processor
 * generates {@code Vec3Bucket} in the same package: a C-compatible {@code StructLayout} ({@code LAYOUT},
 * {@code SIZE}, {@code ALIGNMENT}), {@code alloc()}/{@code free(long)}, {@code load}/{@code store} of the whole
 * record and one static getter/setter pair per component, all on raw {@code long} addresses.
 *
 * <p>Bucket choice follows the seed: a struct whose size is a multiple of 8 and at most 512 bytes uses the
 * predefined general bucket of that size; any other size (or {@link #dedicated()}) gets an exact-stride
 * {@code io.gmalloc.SpecialBucket} of its own, so a 12-byte record costs 12 bytes. Structs above 64 KiB go to the
 * system allocator (the processor warns).
 *
 * <p>Components may be primitives or other {@code @GMallocBucket} records (inlined, as a nested C struct).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface GMallocBucket {

    /**
     * Simple name of the generated class, in the record's package. Empty (the default) means
     * {@code <RecordName>Bucket}; otherwise it must be a valid Java identifier that names no existing type.
     *
     * @return the generated class name, or empty for the default
     */
    String name() default "";

    /**
     * Forces a dedicated {@code SpecialBucket} (an Arenarray of its own) even when the size is a multiple of 8
     * and would fit a general bucket: the type's blocks then never share arenas with other allocations.
     *
     * @return whether the type gets its own bucket regardless of its size
     */
    boolean dedicated() default false;
}
