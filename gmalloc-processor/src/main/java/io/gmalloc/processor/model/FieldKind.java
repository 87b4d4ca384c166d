package io.gmalloc.processor.model;

/**
 * What a record component becomes in C: its size and alignment on LP64, the C type gcc sees, and the
 * {@code java.lang.foreign.ValueLayout} constants the renderer names (aligned in {@code LAYOUT}, unaligned in
 * accessors).
 */
public enum FieldKind {
    /** {@code boolean} as {@code uint8_t}, stored as one byte 0 or 1. */
    BOOLEAN("boolean", "uint8_t", 1, "JAVA_BOOLEAN", "JAVA_BYTE"),
    /** {@code byte} as {@code int8_t}. */
    BYTE("byte", "int8_t", 1, "JAVA_BYTE", "JAVA_BYTE"),
    /** {@code short} as {@code int16_t}. */
    SHORT("short", "int16_t", 2, "JAVA_SHORT", "JAVA_SHORT_UNALIGNED"),
    /** {@code char} as {@code uint16_t}. */
    CHAR("char", "uint16_t", 2, "JAVA_CHAR", "JAVA_CHAR_UNALIGNED"),
    /** {@code int} as {@code int32_t}. */
    INT("int", "int32_t", 4, "JAVA_INT", "JAVA_INT_UNALIGNED"),
    /** {@code float} as {@code float}. */
    FLOAT("float", "float", 4, "JAVA_FLOAT", "JAVA_FLOAT_UNALIGNED"),
    /** {@code long} as {@code int64_t}. */
    LONG("long", "int64_t", 8, "JAVA_LONG", "JAVA_LONG_UNALIGNED"),
    /** {@code double} as {@code double}. */
    DOUBLE("double", "double", 8, "JAVA_DOUBLE", "JAVA_DOUBLE_UNALIGNED"),
    /** A nested {@code @GMallocBucket} record, inlined as a nested C struct; size and alignment are its own. */
    STRUCT("", "struct", 0, "", ""),
    /** A {@code @Utf8(n) String}: {@code char c[n]}, UTF-8 bytes padded with NUL. */
    UTF8("String", "char", 1, "JAVA_BYTE", "JAVA_BYTE"),
    /** An enum stored as its ordinal: {@code uint8_t} for at most 256 constants, else {@code uint16_t}. */
    ENUM("", "", 0, "", "");

    private final String javaName;
    private final String cName;
    private final long sizeBytes;
    private final String layoutConstant;
    private final String accessLayoutConstant;

    FieldKind(String javaName, String cName, long sizeBytes, String layoutConstant, String accessLayoutConstant) {
        this.javaName = javaName;
        this.cName = cName;
        this.sizeBytes = sizeBytes;
        this.layoutConstant = layoutConstant;
        this.accessLayoutConstant = accessLayoutConstant;
    }

    /**
     * Returns the Java keyword of a primitive kind.
     *
     * @return e.g. {@code "float"}; empty for {@link #STRUCT}
     */
    public String javaName() {
        return javaName;
    }

    /**
     * Returns the C type with the same size, alignment and signedness.
     *
     * @return e.g. {@code "uint16_t"}
     */
    public String cName() {
        return cName;
    }

    /**
     * Returns the size of a primitive kind, which is also its natural alignment on LP64.
     *
     * @return bytes; 0 for {@link #STRUCT} and {@link #ENUM}, whose size depends on the type
     */
    public long sizeBytes() {
        return sizeBytes;
    }

    /**
     * Returns the aligned {@code ValueLayout} constant used in the generated {@code LAYOUT}.
     *
     * @return e.g. {@code "JAVA_FLOAT"}
     */
    public String layoutConstant() {
        return layoutConstant;
    }

    /**
     * Returns the {@code ValueLayout} constant used by generated accessors: unaligned where one exists (faster and
     * valid at any address); booleans are accessed as a byte so any non-zero byte reads as {@code true}.
     *
     * @return e.g. {@code "JAVA_FLOAT_UNALIGNED"}
     */
    public String accessLayoutConstant() {
        return accessLayoutConstant;
    }

    /**
     * Whether this kind is one of the eight Java primitives.
     *
     * @return {@code false} for {@link #STRUCT}, {@link #UTF8} and {@link #ENUM}
     */
    public boolean isPrimitive() {
        return this != STRUCT && this != UTF8 && this != ENUM;
    }

    /**
     * Maps a Java primitive keyword to its kind.
     *
     * @param javaName e.g. {@code "int"}
     * @return the kind, or {@code null} if {@code javaName} is not one of the eight primitives
     */
    public static FieldKind ofPrimitive(String javaName) {
        for (FieldKind kind : values()) {
            if (kind.isPrimitive() && kind.javaName.equals(javaName)) {
                return kind;
            }
        }
        return null;
    }
}
