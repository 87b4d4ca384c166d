package io.gmalloc.processor.model;

import java.util.Locale;

/**
 * One component placed in the struct; built once, by {@link StructModel#place}.
 *
 * @param name component name; also the accessor name
 * @param type what it stores
 * @param offsetBytes offset inside the enclosing struct
 * @param paddingBeforeBytes padding between the previous member's end (or the struct's start) and this one
 */
public record FieldModel(String name, FieldType type, long offsetBytes, long paddingBeforeBytes) {

    /**
     * Returns the element kind.
     *
     * @return {@code type().kind()}
     */
    public FieldKind kind() {
        return type.kind();
    }

    /**
     * Returns the nested struct.
     *
     * @return the struct of a {@link FieldKind#STRUCT} component or array element, otherwise {@code null}
     */
    public StructModel struct() {
        return type.struct();
    }

    /**
     * Returns the component's size.
     *
     * @return bytes
     */
    public long sizeBytes() {
        return type.sizeBytes();
    }

    /**
     * Returns the component's alignment.
     *
     * @return bytes, a power of two
     */
    public long alignment() {
        return type.alignment();
    }

    /**
     * Returns the offset just past this component.
     *
     * @return {@code offsetBytes + sizeBytes}
     */
    public long endBytes() {
        return offsetBytes + sizeBytes();
    }

    /**
     * Returns the component as declared, for javadoc.
     *
     * @return e.g. {@code "float x"}, {@code "Vec3 pos"} or {@code "@Length(4) int[] levels"}
     */
    public String declaration() {
        return type.javaDeclaration() + " " + name;
    }

    /**
     * Returns the C member declaration.
     *
     * @return e.g. {@code "int32_t levels[4]"}, {@code "char symbol[8]"}, {@code "Vec3 pos"}
     */
    public String cDeclaration() {
        return type.cElementType() + " " + name + (type.length() > 0 ? "[" + type.length() + "]" : "");
    }

    /**
     * Returns the name of an array's length constant: the component name in upper snake case plus
     * {@code _LENGTH}.
     *
     * @return e.g. {@code "PRICE_LEVELS_LENGTH"} for {@code priceLevels}
     */
    public String lengthConstant() {
        return upperSnake(name) + "_LENGTH";
    }

    /**
     * Converts a Java name to upper snake case.
     *
     * @param name e.g. {@code "priceLevels"}
     * @return e.g. {@code "PRICE_LEVELS"}
     */
    public static String upperSnake(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)
                    && i > 0
                    && !Character.isUpperCase(name.charAt(i - 1))
                    && name.charAt(i - 1) != '_') {
                out.append('_');
            }
            out.append(c);
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
