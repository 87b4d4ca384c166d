package io.gmalloc.benchmarks;

import io.gmalloc.SpecialBucket;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Hand-written stand-in for the generated {@code Vec3Bucket} (same API subset: a dedicated 12-byte
 * {@link SpecialBucket}, static getters/setters reading through one global segment). Used until the
 * annotation processor's output is available on this branch; it is also the "hand-written" accessor
 * the generated code is compared against.
 */
public final class Vec3Access {
    private Vec3Access() {}

    /** Bytes per Vec3: three floats, C layout. */
    public static final long SIZE = 12;

    @SuppressWarnings("restricted") // raw access is the point; callers pass live block addresses
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final SpecialBucket BUCKET = new SpecialBucket("Vec3", SIZE, 4);

    /** A zeroed Vec3 block. */
    public static long alloc() {
        return BUCKET.alloc();
    }

    /** Frees a block from {@link #alloc()}. */
    public static void free(long address) {
        BUCKET.free(address);
    }

    public static float x(long address) {
        return ALL.get(F, address);
    }

    public static void x(long address, float value) {
        ALL.set(F, address, value);
    }

    public static float y(long address) {
        return ALL.get(F, address + 4);
    }

    public static void y(long address, float value) {
        ALL.set(F, address + 4, value);
    }

    public static float z(long address) {
        return ALL.get(F, address + 8);
    }

    public static void z(long address, float value) {
        ALL.set(F, address + 8, value);
    }
}
