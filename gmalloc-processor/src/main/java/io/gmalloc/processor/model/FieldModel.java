package io.gmalloc.processor.model;

/**
 * One record component placed in the struct.
 *
 * @param name component name; also the accessor name
 * @param kind primitive kind, or {@link FieldKind#STRUCT} for a nested record
 * @param offsetBytes offset inside the enclosing struct
 * @param struct the nested struct when {@code kind} is {@link FieldKind#STRUCT}, otherwise {@code null}
 */
public record FieldModel(String name, FieldKind kind, long offsetBytes, StructModel struct) {
    /** Checks that {@code struct} is present exactly for nested records. */
    public FieldModel {
        if ((kind == FieldKind.STRUCT) != (struct != null)) {
            throw new IllegalArgumentException("component " + name + ": struct must be given exactly for STRUCT");
        }
    }

    /**
     * Returns the component's size.
     *
     * @return bytes
     */
    public long sizeBytes() {
        return kind == FieldKind.STRUCT ? struct.sizeBytes() : kind.sizeBytes();
    }

    /**
     * Returns the component's alignment.
     *
     * @return bytes, a power of two
     */
    public long alignment() {
        return kind == FieldKind.STRUCT ? struct.alignment() : kind.sizeBytes();
    }

    /**
     * Returns the component as declared, for javadoc.
     *
     * @return e.g. {@code "float x"} or {@code "Vec3 pos"}
     */
    public String declaration() {
        return (kind == FieldKind.STRUCT ? struct.type().simpleName() : kind.javaName()) + " " + name;
    }
}
