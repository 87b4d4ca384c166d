package io.gmalloc.processor.model;

/**
 * What a component stores, without its name or place: the element kind and everything the component annotations
 * add. Built once by the extractor from what javac knows, then placed by {@link StructModel#place}.
 *
 * @param kind primitive kind, {@link FieldKind#STRUCT}, {@link FieldKind#UTF8} or {@link FieldKind#ENUM}; for an
 *     array, the element's kind
 * @param struct the nested struct (or array element struct) for {@link FieldKind#STRUCT}, otherwise {@code null}
 * @param enumType the enum for {@link FieldKind#ENUM}, otherwise {@code null}
 * @param length {@code @Length(n)} of an array or {@code @Utf8(n)} of a string; 0 for a scalar
 * @param bigEndian stored in big-endian order (only ever set on multi-byte primitive kinds)
 * @param atomic {@code @Atomic}: an {@code int} or {@code long} with volatile and atomic accessors
 */
public record FieldType(
        FieldKind kind, StructModel struct, EnumModel enumType, int length, boolean bigEndian, boolean atomic) {

    /** Checks the parts fit together. */
    public FieldType {
        if ((kind == FieldKind.STRUCT) != (struct != null)) {
            throw new IllegalArgumentException("struct must be given exactly for STRUCT: " + kind);
        }
        if ((kind == FieldKind.ENUM) != (enumType != null)) {
            throw new IllegalArgumentException("enumType must be given exactly for ENUM: " + kind);
        }
        if (length < 0 || (kind == FieldKind.UTF8 && length == 0)) {
            throw new IllegalArgumentException("bad length " + length + " for " + kind);
        }
        if (bigEndian && (!kind.isPrimitive() || kind.sizeBytes() == 1 || atomic)) {
            throw new IllegalArgumentException("big-endian needs a multi-byte primitive, not atomic: " + kind);
        }
        if (atomic && (length != 0 || (kind != FieldKind.INT && kind != FieldKind.LONG))) {
            throw new IllegalArgumentException("atomic needs a scalar int or long: " + kind);
        }
    }

    /**
     * A plain primitive.
     *
     * @param kind a primitive kind
     * @return the type
     */
    public static FieldType primitive(FieldKind kind) {
        return new FieldType(kind, null, null, 0, false, false);
    }

    /**
     * A nested record.
     *
     * @param struct its layout
     * @return the type
     */
    public static FieldType struct(StructModel struct) {
        return new FieldType(FieldKind.STRUCT, struct, null, 0, false, false);
    }

    /**
     * Whether this is a {@code @Length} array (of primitives or of nested structs).
     *
     * @return {@code true} for an array
     */
    public boolean isArray() {
        return length > 0 && kind != FieldKind.UTF8;
    }

    /**
     * Returns the size of one element (of the scalar itself when not an array).
     *
     * @return bytes
     */
    public long elementSizeBytes() {
        return switch (kind) {
            case STRUCT -> struct.sizeBytes();
            case ENUM -> enumType.sizeBytes();
            default -> kind.sizeBytes();
        };
    }

    /**
     * Returns the component's size.
     *
     * @return bytes: element size times the length for arrays and strings
     */
    public long sizeBytes() {
        return length > 0 ? Math.multiplyExact(elementSizeBytes(), length) : elementSizeBytes();
    }

    /**
     * Returns the component's alignment: that of its element.
     *
     * @return bytes, a power of two
     */
    public long alignment() {
        return kind == FieldKind.STRUCT ? struct.alignment() : elementSizeBytes();
    }

    /**
     * Returns the C type of one element.
     *
     * @return e.g. {@code "int32_t"}, {@code "Vec3"}, {@code "char"}, {@code "uint8_t"}
     */
    public String cElementType() {
        return switch (kind) {
            case STRUCT -> struct.type().simpleName();
            case ENUM -> enumType.cName();
            default -> kind.cName();
        };
    }

    /**
     * Returns the Java type as written in the declaration, annotations included.
     *
     * @return e.g. {@code "@Length(4) int[]"}, {@code "@Utf8(8) String"}, {@code "@Atomic long"}, {@code "Side"}
     */
    public String javaDeclaration() {
        String annotations = annotations();
        return annotations.isEmpty() ? javaTypeName() : annotations + " " + javaTypeName();
    }

    /**
     * Returns the Java type without annotations.
     *
     * @return e.g. {@code "int[]"}, {@code "String"}, {@code "Side"}
     */
    public String javaTypeName() {
        String element = switch (kind) {
            case STRUCT -> struct.type().simpleName();
            case ENUM -> enumType.type().simpleName();
            default -> kind.javaName();
        };
        return isArray() ? element + "[]" : element;
    }

    /**
     * Returns the component annotations this type came from.
     *
     * @return e.g. {@code "@Length(4) @BigEndian"}; empty for none
     */
    public String annotations() {
        StringBuilder out = new StringBuilder();
        if (isArray()) {
            out.append(" @Length(").append(length).append(')');
        } else if (kind == FieldKind.UTF8) {
            out.append(" @Utf8(").append(length).append(')');
        }
        if (bigEndian) {
            out.append(" @BigEndian");
        }
        if (atomic) {
            out.append(" @Atomic");
        }
        return out.toString().strip();
    }
}
