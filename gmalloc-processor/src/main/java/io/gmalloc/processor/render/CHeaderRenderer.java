package io.gmalloc.processor.render;

import io.gmalloc.processor.Names;
import io.gmalloc.processor.model.BucketModel;
import io.gmalloc.processor.model.FieldModel;
import io.gmalloc.processor.model.FieldType;
import io.gmalloc.processor.model.RecordRef;
import io.gmalloc.processor.model.StructModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a {@link BucketModel} as the C header of docs/design.md §4 ("C headers"), so native code that shares
 * the structs includes one definition and cannot drift:
 * <pre>{@code
 * #ifndef GMALLOC_COM_EXAMPLE_PARTICLE_H
 * #define GMALLOC_COM_EXAMPLE_PARTICLE_H
 * #include <stddef.h>
 * #include <stdint.h>
 * #include "Vec3.h"
 * typedef struct Particle {
 *     Vec3 pos;
 *     ...
 * } Particle;
 * _Static_assert(sizeof(Particle) == 28, "...");
 * _Static_assert(offsetof(Particle, pos) == 0, "...");
 * #endif
 * }</pre>
 *
 * <p>Padding members are emitted exactly where {@link io.gmalloc.processor.model.LayoutPlanner} put padding, so
 * the struct has no implicit padding and the {@code _Static_assert}s hold on every LP64 compiler. Names: a
 * top-level record {@code Vec3} is {@code Vec3} in C; a member record {@code Outer.Vec3} is {@code Outer_Vec3}.
 * A component or record name that is a C keyword, or contains {@code $}, gets a trailing {@code _} (or {@code _}
 * for the {@code $}), with the Java name in a comment. Sees only model records; deterministic.
 */
public final class CHeaderRenderer {
    private CHeaderRenderer() {}

    /** Class-output directory every header goes under; below it, the record's package as a path. */
    public static final String INCLUDE_ROOT = "META-INF/gmalloc/include/";

    /** C11 keywords (and C23's, so headers stay valid there): not usable as member or type names. */
    private static final Set<String> C_KEYWORDS = Set.of(
            "alignas",
            "alignof",
            "auto",
            "bool",
            "break",
            "case",
            "char",
            "const",
            "constexpr",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extern",
            "false",
            "float",
            "for",
            "goto",
            "if",
            "inline",
            "int",
            "long",
            "nullptr",
            "register",
            "restrict",
            "return",
            "short",
            "signed",
            "sizeof",
            "static",
            "static_assert",
            "struct",
            "switch",
            "thread_local",
            "true",
            "typedef",
            "typeof",
            "typeof_unqual",
            "union",
            "unsigned",
            "void",
            "volatile",
            "while",
            "_Alignas",
            "_Alignof",
            "_Atomic",
            "_BitInt",
            "_Bool",
            "_Complex",
            "_Generic",
            "_Imaginary",
            "_Noreturn",
            "_Static_assert",
            "_Thread_local",
            // type names of the two headers every generated header includes
            "int8_t",
            "int16_t",
            "int32_t",
            "int64_t",
            "uint8_t",
            "uint16_t",
            "uint32_t",
            "uint64_t",
            "size_t",
            "ptrdiff_t",
            "offsetof",
            "NULL",
            "wchar_t",
            "max_align_t");

    /**
     * A rendered header.
     *
     * @param path class-output relative path, e.g. {@code META-INF/gmalloc/include/com/example/Vec3.h}
     * @param text the header
     */
    public record CHeader(String path, String text) {}

    /**
     * One C member: {@code type name suffix;  // comment}.
     *
     * @param type the C type, e.g. {@code int32_t} or {@code Vec3}
     * @param name the member name as C sees it
     * @param suffix declarator suffix after the name, e.g. {@code [16]} for an array; empty for a scalar
     * @param comment what the member holds, for the reader
     */
    private record CMember(String type, String name, String suffix, String comment) {}

    /**
     * Renders the header of a validated model.
     *
     * @param model the model the bucket class is rendered from
     * @return the header and where it goes
     */
    public static CHeader render(BucketModel model) {
        StructModel struct = model.struct();
        String cName = cTypeName(struct.type());
        List<CMember> members = members(struct);

        StringBuilder h = new StringBuilder();
        String guard = guard(struct.type());
        h.append("/*\n * ")
                .append(cName)
                .append(".h: the C layout of ")
                .append(struct.type().canonicalName())
                .append(", as ")
                .append(model.generatedName())
                .append(".LAYOUT stores it.\n");
        h.append(" * Generated by ").append(Names.PROCESSOR).append(" from its @GMallocBucket declaration;\n");
        h.append(" * do not edit: change the Java type and rebuild.\n */\n");
        h.append("#ifndef ").append(guard).append('\n');
        h.append("#define ").append(guard).append("\n\n");
        h.append("#include <stddef.h>\n#include <stdint.h>\n");
        Set<String> includes = new TreeSet<>();
        for (FieldModel field : struct.fields()) {
            if (field.struct() != null) {
                includes.add(includePath(struct.type(), field.struct().type()));
            }
        }
        if (!includes.isEmpty()) {
            h.append('\n');
            for (String include : includes) {
                h.append("#include \"").append(include).append("\"\n");
            }
        }
        h.append("\n/* size ")
                .append(struct.sizeBytes())
                .append(", alignment ")
                .append(struct.alignment())
                .append("; padding explicit */\n");
        h.append("typedef struct ").append(cName).append(" {\n");
        int width = 0;
        for (CMember member : members) {
            width = Math.max(width, declaration(member).length());
        }
        for (CMember member : members) {
            String declaration = declaration(member);
            h.append("    ")
                    .append(declaration)
                    .append(" ".repeat(width - declaration.length()))
                    .append("  /* ")
                    .append(member.comment())
                    .append(" */\n");
        }
        h.append("} ").append(cName).append(";\n\n");

        String where = model.generatedName();
        h.append("_Static_assert(sizeof(")
                .append(cName)
                .append(") == ")
                .append(struct.sizeBytes())
                .append(", \"")
                .append(cName)
                .append(": size must be ")
                .append(where)
                .append(".SIZE\");\n");
        h.append("_Static_assert(_Alignof(")
                .append(cName)
                .append(") == ")
                .append(struct.alignment())
                .append(", \"")
                .append(cName)
                .append(": alignment must be ")
                .append(where)
                .append(".ALIGNMENT\");\n");
        for (FieldModel field : struct.fields()) {
            String member = memberName(field.name());
            h.append("_Static_assert(offsetof(")
                    .append(cName)
                    .append(", ")
                    .append(member)
                    .append(") == ")
                    .append(field.offsetBytes())
                    .append(", \"")
                    .append(cName)
                    .append('.')
                    .append(member)
                    .append(": offset must match ")
                    .append(where)
                    .append(".LAYOUT\");\n");
        }
        h.append("\n#endif /* ").append(guard).append(" */\n");
        return new CHeader(headerPath(struct.type()), h.toString());
    }

    /**
     * Returns where a type's header goes in the class output.
     *
     * @param type a record or interface
     * @return e.g. {@code META-INF/gmalloc/include/com/example/Vec3.h}
     */
    public static String headerPath(RecordRef type) {
        return INCLUDE_ROOT + packagePath(type) + cTypeName(type) + ".h";
    }

    /** Members in order, a padding member wherever the planner put padding. */
    private static List<CMember> members(StructModel struct) {
        Set<String> taken = new HashSet<>();
        for (FieldModel field : struct.fields()) {
            taken.add(memberName(field.name()));
        }
        List<CMember> members = new ArrayList<>();
        int paddingCount = 0;
        for (int i = 0; i < struct.fields().size(); i++) {
            FieldModel field = struct.fields().get(i);
            long padding = struct.paddingBeforeBytes().get(i);
            if (padding > 0) {
                members.add(padding(padding, field.offsetBytes() - padding, paddingCount++, taken));
            }
            members.add(member(field));
        }
        if (struct.trailingPaddingBytes() > 0) {
            members.add(padding(
                    struct.trailingPaddingBytes(),
                    struct.sizeBytes() - struct.trailingPaddingBytes(),
                    paddingCount,
                    taken));
        }
        return members;
    }

    /**
     * The C member of one component. One case per kind: a new kind adds its case here (its C type, an array
     * suffix, a comment such as {@code big-endian}).
     */
    private static CMember member(FieldModel field) {
        String name = memberName(field.name());
        String comment =
                "offset " + field.offsetBytes() + (name.equals(field.name()) ? "" : ", Java name " + field.name());
        FieldType type = field.type();
        String cType = switch (field.kind()) {
            case BOOLEAN -> "uint8_t";
            case BYTE -> "int8_t";
            case SHORT -> "int16_t";
            case CHAR -> "uint16_t";
            case INT -> "int32_t";
            case FLOAT -> "float";
            case LONG -> "int64_t";
            case DOUBLE -> "double";
            case STRUCT -> cTypeName(field.struct().type());
            case UTF8 -> "char";
            case ENUM -> type.enumType().cName();
        };
        String javaType = switch (field.kind()) {
            case BOOLEAN -> ", boolean: 0 or 1";
            case CHAR -> ", char: UTF-16 code unit";
            case UTF8 -> ", UTF-8, NUL-padded, no NUL when full";
            case ENUM ->
                ", ordinal of " + type.enumType().type().canonicalName() + " ("
                        + type.enumType().constantCount() + " constants)";
            default -> "";
        };
        String suffix = type.length() > 0 ? "[" + type.length() + "]" : "";
        String order = type.bigEndian() ? ", big-endian" : "";
        String atomic = type.atomic() ? ", atomic: naturally aligned" : "";
        return new CMember(cType, name, suffix, comment + javaType + order + atomic);
    }

    private static CMember padding(long bytes, long offset, int index, Set<String> taken) {
        String name = "_pad" + index;
        while (taken.contains(name)) {
            name = name + "_";
        }
        return new CMember("uint8_t", name, "[" + bytes + "]", "offset " + offset + ", padding");
    }

    private static String declaration(CMember member) {
        return member.type() + " " + member.name() + member.suffix() + ";";
    }

    /** A Java identifier as a C identifier: {@code $} is not C, keywords get a trailing underscore. */
    static String memberName(String javaName) {
        String name = javaName.replace('$', '_');
        return C_KEYWORDS.contains(name) ? name + "_" : name;
    }

    /**
     * Returns a type's C name: its simple names joined by {@code _}, made a valid C identifier.
     *
     * @param type a record or interface
     * @return e.g. {@code Vec3}, or {@code Outer_Vec3} for a member type
     */
    public static String cTypeName(RecordRef type) {
        return memberName(String.join("_", type.simpleNames()));
    }

    /** The package as a directory path with a trailing slash; empty for the unnamed package. */
    private static String packagePath(RecordRef type) {
        return type.packageName().isEmpty() ? "" : type.packageName().replace('.', '/') + "/";
    }

    /**
     * The path from {@code from}'s header to {@code to}'s, as a quoted include resolves it: relative to the
     * including file's directory, so the headers work from any include root they are copied to together.
     */
    static String includePath(RecordRef from, RecordRef to) {
        List<String> fromDirs = from.packageName().isEmpty()
                ? List.of()
                : List.of(from.packageName().split("\\."));
        List<String> toDirs = to.packageName().isEmpty()
                ? List.of()
                : List.of(to.packageName().split("\\."));
        int common = 0;
        while (common < fromDirs.size()
                && common < toDirs.size()
                && fromDirs.get(common).equals(toDirs.get(common))) {
            common++;
        }
        StringBuilder path = new StringBuilder();
        path.append("../".repeat(fromDirs.size() - common));
        for (String dir : toDirs.subList(common, toDirs.size())) {
            path.append(dir).append('/');
        }
        return path.append(cTypeName(to)).append(".h").toString();
    }

    private static String guard(RecordRef type) {
        String qualified = (type.packageName().isEmpty() ? "" : type.packageName() + "_") + cTypeName(type);
        StringBuilder guard = new StringBuilder("GMALLOC_");
        for (char c : qualified.toCharArray()) {
            guard.append(c < 128 && Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return guard.append("_H").toString().toUpperCase(Locale.ROOT);
    }
}
