package io.gmalloc.processor;

import com.palantir.javapoet.ClassName;

/**
 * Runtime and annotation types the processor refers to, by name only: the processor never depends on the runtime
 * jar (it emits code that does).
 */
public final class Names {
    private Names() {}

    /** Fully qualified name of the annotation this processor handles. */
    public static final String ANNOTATION = "io.gmalloc.annotations.GMallocBucket";

    /** {@code @Length(n)}: a fixed-size inline array. */
    public static final String LENGTH = "io.gmalloc.annotations.Length";

    /** {@code @Utf8(n)}: an inline NUL-padded UTF-8 string. */
    public static final String UTF8 = "io.gmalloc.annotations.Utf8";

    /** {@code @BigEndian}: network byte order, on a component or the whole type. */
    public static final String BIG_ENDIAN = "io.gmalloc.annotations.BigEndian";

    /** {@code @Atomic}: volatile and atomic accessors for an int or long. */
    public static final String ATOMIC = "io.gmalloc.annotations.Atomic";

    /** The runtime facade. */
    public static final ClassName GMALLOC = ClassName.get("io.gmalloc", "GMalloc");

    /** A heap of its own that frees all its blocks at close: the target of the region overloads. */
    public static final ClassName REGION = ClassName.get("io.gmalloc", "Region");

    /** Exact-stride buckets used for sizes off the general buckets' grid. */
    public static final ClassName SPECIAL_BUCKET = ClassName.get("io.gmalloc", "SpecialBucket");

    /** {@code @Generated} on every generated class (class retention, claimed by this processor). */
    public static final String GENERATED = "io.gmalloc.annotations.Generated";

    /** The processor's name as written into {@code @Generated}. */
    public static final String PROCESSOR = "io.gmalloc.processor.GMallocBucketProcessor";
}
