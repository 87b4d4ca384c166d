package io.gmalloc.processor.render;

import io.gmalloc.processor.model.BucketKind;
import io.gmalloc.processor.model.BucketModel;
import io.gmalloc.processor.model.FieldKind;
import io.gmalloc.processor.model.FieldModel;
import io.gmalloc.processor.model.StructModel;

/** The generated class's javadoc: the record, its C struct with offsets, and where the blocks come from. */
final class JavadocRenderer {
    private JavadocRenderer() {}

    static String classDoc(BucketModel model) {
        StructModel struct = model.struct();
        String name = struct.type().simpleName();
        StringBuilder doc = new StringBuilder();
        doc.append("Off-heap storage for {@code ")
                .append(struct.type().canonicalName())
                .append(model.flyweight() ? "} structs" : "} records")
                .append(", generated from its {@code @GMallocBucket} declaration:\n");
        doc.append("<pre>{@code\n");
        if (model.flyweight()) {
            doc.append("interface ").append(name).append(" {\n");
            for (FieldModel field : struct.fields()) {
                String javaType = field.type().javaTypeName();
                doc.append("    ")
                        .append(javaType)
                        .append(' ')
                        .append(field.name())
                        .append("();  void ")
                        .append(field.name())
                        .append('(')
                        .append(javaType)
                        .append(" value);");
                if (!field.type().annotations().isEmpty()) {
                    doc.append("  // ").append(field.type().annotations());
                }
                doc.append('\n');
            }
            doc.append("}\n}</pre>\n\n");
        } else {
            java.util.List<String> components =
                    struct.fields().stream().map(FieldModel::declaration).toList();
            String oneLine = "record " + name + "(" + String.join(", ", components) + ")";
            if (oneLine.length() <= Javadoc.COLUMNS - 3) {
                doc.append(oneLine);
            } else {
                doc.append("record ")
                        .append(name)
                        .append("(\n        ")
                        .append(String.join(",\n        ", components))
                        .append(')');
            }
            doc.append("\n}</pre>\n\n");
        }
        doc.append("<p>Each {@code ").append(name).append("} is stored as this C struct (LP64, as gcc lays it out):\n");
        doc.append("<pre>{@code\n");
        doc.append("struct ")
                .append(name)
                .append(" {  // size ")
                .append(struct.sizeBytes())
                .append(", alignment ")
                .append(struct.alignment())
                .append('\n');
        for (FieldModel field : struct.fields()) {
            if (field.paddingBeforeBytes() > 0) {
                doc.append("    // ")
                        .append(padding(field.paddingBeforeBytes()))
                        .append('\n');
            }
            String cType = field.kind() == FieldKind.STRUCT ? "struct " + field.cDeclaration() : field.cDeclaration();
            doc.append("    ").append(cType).append(";  // offset ").append(field.offsetBytes());
            if (field.type().bigEndian()) {
                doc.append(", big-endian");
            }
            if (field.kind() == FieldKind.ENUM) {
                doc.append(", ordinal of ")
                        .append(field.type().enumType().type().simpleName());
            }
            if (field.kind() == FieldKind.UTF8) {
                doc.append(", UTF-8, NUL-padded");
            }
            if (field.type().atomic()) {
                doc.append(", atomic");
            }
            doc.append('\n');
        }
        if (struct.trailingPaddingBytes() > 0) {
            doc.append("    // ").append(padding(struct.trailingPaddingBytes())).append('\n');
        }
        doc.append("};\n}</pre>\n\n");
        doc.append("<p>")
                .append(
                        switch (model.bucketKind()) {
                            case GENERAL ->
                                "Blocks come from gmalloc's general " + struct.sizeBytes() + "-byte bucket "
                                        + "(the size is a multiple of 8 and at most " + BucketKind.MAX_GENERAL_SIZE
                                        + ").";
                            case SPECIAL ->
                                "Blocks come from a dedicated {@code SpecialBucket} with a stride of exactly "
                                        + struct.sizeBytes() + " bytes"
                                        + (model.dedicated()
                                                ? " ({@code dedicated = true})."
                                                : ", so no byte is lost to rounding.");
                            case SYSTEM ->
                                "Blocks come from the system allocator: " + struct.sizeBytes()
                                        + " bytes is above the special buckets' " + BucketKind.MAX_SPECIAL_SIZE
                                        + "-byte limit.";
                        })
                .append('\n');
        doc.append("<p>All methods work on raw addresses, as in C: an address used after {@code free} is a bug. With "
                + "{@code -Dgmalloc.checked=true} every accessor first checks that the struct lies inside a live "
                + "gmalloc block and throws {@code io.gmalloc.InvalidAccessException} otherwise.\n");
        return doc.toString();
    }

    private static String padding(long bytes) {
        return bytes + (bytes == 1 ? " byte" : " bytes") + " of padding";
    }
}
