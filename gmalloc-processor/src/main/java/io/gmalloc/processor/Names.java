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
