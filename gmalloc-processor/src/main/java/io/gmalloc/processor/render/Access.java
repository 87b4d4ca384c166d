package io.gmalloc.processor.render;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.gmalloc.processor.model.BucketModel;
import io.gmalloc.processor.model.EnumModel;
import io.gmalloc.processor.model.FieldKind;
import io.gmalloc.processor.model.FieldModel;
import io.gmalloc.processor.model.FieldType;
import io.gmalloc.processor.model.RecordRef;
import io.gmalloc.processor.model.StructModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * The code that reads and writes one value of a component at an address, shared by the accessors, {@code load},
 * {@code store} and the nested-struct helpers, and the private helpers that code calls ({@code $} in every name,
 * so none can clash with a component). Which helpers exist is decided once from the model, before rendering.
 */
final class Access {
    static final ClassName MEMORY_SEGMENT = ClassName.get("java.lang.foreign", "MemorySegment");
    static final ClassName MEMORY_LAYOUT = ClassName.get("java.lang.foreign", "MemoryLayout");
    static final ClassName STRUCT_LAYOUT = ClassName.get("java.lang.foreign", "StructLayout");
    static final ClassName VALUE_LAYOUT = ClassName.get("java.lang.foreign", "ValueLayout");
    static final ClassName BYTE_ORDER = ClassName.get("java.nio", "ByteOrder");
    static final ClassName VAR_HANDLE = ClassName.get("java.lang.invoke", "VarHandle");
    static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    static final ClassName CHARSETS = ClassName.get("java.nio.charset", "StandardCharsets");

    private static final Modifier[] PRIVATE_CONSTANT = {Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL};
    private static final Modifier[] PRIVATE_HELPER = {Modifier.PRIVATE, Modifier.STATIC};

    private final BucketModel model;

    /** Prefix of each nested struct's and enum's private helpers ({@code Vec3} → {@code load$Vec3}). */
    private final Map<String, String> helperNames = new LinkedHashMap<>();

    /** Every struct whose values are read or written here: the root first, then nested ones innermost first. */
    private final List<StructModel> structs = new ArrayList<>();

    Access(BucketModel model) {
        this.model = model;
        structs.add(model.struct());
        structs.addAll(model.nestedStructs());
        Set<String> used = new HashSet<>();
        for (StructModel nested : model.nestedStructs()) {
            helperNames.put(nested.type().canonicalName(), unique(nested.type().simpleName(), used));
        }
        for (FieldModel field : allFields()) {
            if (field.kind() == FieldKind.ENUM) {
                String key = field.type().enumType().type().canonicalName();
                if (!helperNames.containsKey(key)) {
                    helperNames.put(key, unique(field.type().enumType().type().simpleName(), used));
                }
            }
        }
    }

    private static String unique(String base, Set<String> used) {
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = base + "$" + i;
        }
        return name;
    }

    private List<FieldModel> allFields() {
        List<FieldModel> fields = new ArrayList<>();
        for (StructModel s : structs) {
            fields.addAll(s.fields());
        }
        return fields;
    }

    static ClassName className(RecordRef ref) {
        List<String> names = ref.simpleNames();
        return ClassName.get(
                ref.packageName(),
                names.getFirst(),
                names.subList(1, names.size()).toArray(String[]::new));
    }

    String helper(StructModel nested) {
        return helperNames.get(nested.type().canonicalName());
    }

    String helper(EnumModel enumType) {
        return helperNames.get(enumType.type().canonicalName());
    }

    static String offset(FieldModel field) {
        return field.name() + "$OFFSET";
    }

    // ---- types ----------------------------------------------------------------------------------------------

    /** The Java type of one element (of the value itself for scalars). */
    static TypeName elementType(FieldType type) {
        return switch (type.kind()) {
            case BOOLEAN -> TypeName.BOOLEAN;
            case BYTE -> TypeName.BYTE;
            case SHORT -> TypeName.SHORT;
            case CHAR -> TypeName.CHAR;
            case INT -> TypeName.INT;
            case FLOAT -> TypeName.FLOAT;
            case LONG -> TypeName.LONG;
            case DOUBLE -> TypeName.DOUBLE;
            case STRUCT -> className(type.struct().type());
            case UTF8 -> ClassName.get(String.class);
            case ENUM -> className(type.enumType().type());
        };
    }

    /** The Java type of the whole component. */
    static TypeName javaType(FieldType type) {
        return type.isArray() ? ArrayTypeName.of(elementType(type)) : elementType(type);
    }

    // ---- layout ---------------------------------------------------------------------------------------------

    /** The member's layout in {@code LAYOUT}: aligned value layouts, sequences for arrays and strings. */
    CodeBlock memberLayout(FieldModel field) {
        FieldType type = field.type();
        CodeBlock element = switch (type.kind()) {
            case STRUCT -> CodeBlock.of("$L$$LAYOUT", helper(type.struct()));
            case UTF8 -> CodeBlock.of("$T.JAVA_BYTE", VALUE_LAYOUT);
            case ENUM ->
                CodeBlock.of("$T.$L", VALUE_LAYOUT, type.enumType().sizeBytes() == 1 ? "JAVA_BYTE" : "JAVA_SHORT");
            default ->
                type.bigEndian()
                        ? CodeBlock.of(
                                "$T.$L.withOrder($T.BIG_ENDIAN)",
                                VALUE_LAYOUT,
                                type.kind().layoutConstant(),
                                BYTE_ORDER)
                        : CodeBlock.of("$T.$L", VALUE_LAYOUT, type.kind().layoutConstant());
        };
        if (type.length() > 0) {
            element = CodeBlock.of("$T.sequenceLayout($LL, $L)", MEMORY_LAYOUT, type.length(), element);
        }
        return CodeBlock.of("$L.withName($S)", element, field.name());
    }

    // ---- one element ----------------------------------------------------------------------------------------

    /** The value layout accessors use for one primitive element: unaligned, big-endian where asked. */
    private CodeBlock accessLayout(FieldType type) {
        if (type.bigEndian()) {
            return CodeBlock.of("$L$$BE", type.kind().name());
        }
        return CodeBlock.of("$T.$L", VALUE_LAYOUT, type.kind().accessLayoutConstant());
    }

    /** An expression reading one element (the scalar itself, or one array element) at {@code at}. */
    CodeBlock readElement(FieldType type, CodeBlock at) {
        return switch (type.kind()) {
            case STRUCT -> CodeBlock.of("load$$$L($L)", helper(type.struct()), at);
            case BOOLEAN -> CodeBlock.of("MEMORY$$.get($T.JAVA_BYTE, $L) != 0", VALUE_LAYOUT, at);
            case UTF8 -> CodeBlock.of("utf8$$read($L, $L)", at, type.length());
            case ENUM ->
                type.enumType().sizeBytes() == 1
                        ? CodeBlock.of(
                                "enum$$$L(Byte.toUnsignedInt(MEMORY$$.get($T.JAVA_BYTE, $L)))",
                                helper(type.enumType()),
                                VALUE_LAYOUT,
                                at)
                        : CodeBlock.of(
                                "enum$$$L(Short.toUnsignedInt(MEMORY$$.get($T.JAVA_SHORT_UNALIGNED, $L)))",
                                helper(type.enumType()),
                                VALUE_LAYOUT,
                                at);
            default -> CodeBlock.of("MEMORY$$.get($L, $L)", accessLayout(type), at);
        };
    }

    /**
     * A statement writing one element at {@code at}; it cannot fail once {@link #check} passed (a string is
     * encoded again here: the check does not keep the bytes).
     */
    CodeBlock writeElement(FieldType type, CodeBlock at, CodeBlock value, String component) {
        return switch (type.kind()) {
            case STRUCT ->
                CodeBlock.builder()
                        .addStatement("store$$$L($L, $L)", helper(type.struct()), at, value)
                        .build();
            case BOOLEAN ->
                CodeBlock.builder()
                        .addStatement("MEMORY$$.set($T.JAVA_BYTE, $L, (byte) ($L ? 1 : 0))", VALUE_LAYOUT, at, value)
                        .build();
            case UTF8 ->
                CodeBlock.builder()
                        .addStatement(
                                "utf8$$write($L, utf8$$encode($S, $L, $L), $L)",
                                at,
                                component,
                                value,
                                type.length(),
                                type.length())
                        .build();
            case ENUM ->
                type.enumType().sizeBytes() == 1
                        ? CodeBlock.builder()
                                .addStatement(
                                        "MEMORY$$.set($T.JAVA_BYTE, $L, (byte) $L.ordinal())", VALUE_LAYOUT, at, value)
                                .build()
                        : CodeBlock.builder()
                                .addStatement(
                                        "MEMORY$$.set($T.JAVA_SHORT_UNALIGNED, $L, (short) $L.ordinal())",
                                        VALUE_LAYOUT,
                                        at,
                                        value)
                                .build();
            default ->
                CodeBlock.builder()
                        .addStatement("MEMORY$$.set($L, $L, $L)", accessLayout(type), at, value)
                        .build();
        };
    }

    // ---- whole components -----------------------------------------------------------------------------------

    /** An expression reading a whole component (a fresh array for arrays). */
    CodeBlock read(FieldModel field, CodeBlock at) {
        FieldType type = field.type();
        if (type.isArray()) {
            return CodeBlock.of("read$$$L($L, $L)", arrayHelper(type), at, type.length());
        }
        return readElement(type, at);
    }

    /** Statements writing a whole, already checked component. */
    CodeBlock write(FieldModel field, CodeBlock at, CodeBlock value) {
        FieldType type = field.type();
        if (type.isArray()) {
            return CodeBlock.builder()
                    .addStatement("write$$$L($L, $L)", arrayHelper(type), at, value)
                    .build();
        }
        return writeElement(type, at, value, field.name());
    }

    /**
     * Statements that throw if {@code value} cannot be stored in the component, before anything is written:
     * strings too long, with a NUL or null; arrays of the wrong length or null; null records and enums.
     *
     * @return the checks, empty when any value of the Java type can be stored
     */
    CodeBlock check(FieldModel field, CodeBlock value) {
        FieldType type = field.type();
        CodeBlock.Builder code = CodeBlock.builder();
        if (type.isArray()) {
            code.addStatement("length$$($S, $L.length, $L)", field.name(), value, type.length());
            if (type.kind() == FieldKind.STRUCT) {
                code.beginControlFlow("for ($T element : $L)", elementType(type), value)
                        .addStatement(
                                "$T.requireNonNull(element, $S)",
                                OBJECTS,
                                "component '" + field.name() + "' has a null element")
                        .add(nestedCheck(type.struct(), CodeBlock.of("element")))
                        .endControlFlow();
            }
            return code.build();
        }
        switch (type.kind()) {
            case UTF8 -> code.addStatement("utf8$$encode($S, $L, $L)", field.name(), value, type.length());
            case ENUM ->
                code.addStatement(
                        "$T.requireNonNull($L, $S)", OBJECTS, value, "component '" + field.name() + "' is null");
            case STRUCT ->
                code.addStatement(
                                "$T.requireNonNull($L, $S)", OBJECTS, value, "component '" + field.name() + "' is null")
                        .add(nestedCheck(type.struct(), value));
            default -> {
                // any primitive value fits
            }
        }
        return code.build();
    }

    /** Checks of one element stored through the indexed setter of an array of records. */
    CodeBlock checkElement(FieldModel field, CodeBlock value) {
        if (field.kind() != FieldKind.STRUCT) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .addStatement(
                        "$T.requireNonNull($L, $S)",
                        OBJECTS,
                        value,
                        "component '" + field.name() + "' cannot hold a null element")
                .add(nestedCheck(field.struct(), value))
                .build();
    }

    private CodeBlock nestedCheck(StructModel nested, CodeBlock value) {
        return fallible(nested)
                ? CodeBlock.builder()
                        .addStatement("check$$$L($L)", helper(nested), value)
                        .build()
                : CodeBlock.of("");
    }

    /** Whether storing a record of this struct can fail (otherwise no check method is generated for it). */
    static boolean fallible(StructModel struct) {
        for (FieldModel field : struct.fields()) {
            FieldKind kind = field.kind();
            if (field.type().isArray()
                    || kind == FieldKind.UTF8
                    || kind == FieldKind.ENUM
                    || kind == FieldKind.STRUCT) {
                return true;
            }
        }
        return false;
    }

    /** Checks of every component of a record value, in declaration order. */
    CodeBlock checkAll(StructModel struct, String value) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (FieldModel field : struct.fields()) {
            code.add(check(field, CodeBlock.of("$L.$L()", value, field.name())));
        }
        return code.build();
    }

    private String arrayHelper(FieldType type) {
        return switch (type.kind()) {
            case STRUCT -> helper(type.struct());
            default -> type.kind().javaName() + (type.bigEndian() ? "$BE" : "");
        };
    }

    // ---- private helpers, decided from the model ------------------------------------------------------------

    /** Constants the helpers need: big-endian access layouts, atomic var handles, enum constant tables. */
    List<FieldSpec> helperConstants() {
        Map<String, FieldSpec> specs = new TreeMap<>();
        for (FieldModel field : allFields()) {
            FieldType type = field.type();
            if (type.bigEndian()) {
                String name = type.kind().name() + "$BE";
                specs.putIfAbsent(
                        "1" + name,
                        FieldSpec.builder(ofLayout(type.kind()), name, PRIVATE_CONSTANT)
                                .addJavadoc(Javadoc.of(
                                        "{@code " + type.kind().javaName() + "} in big-endian order, "
                                                + "for accessors of {@code @BigEndian} components.\n",
                                        Javadoc.MEMBER))
                                .initializer(
                                        "$T.$L.withOrder($T.BIG_ENDIAN)",
                                        VALUE_LAYOUT,
                                        type.kind().accessLayoutConstant(),
                                        BYTE_ORDER)
                                .build());
            }
            if (type.kind() == FieldKind.ENUM) {
                String name = helper(type.enumType()) + "$VALUES";
                specs.putIfAbsent(
                        "3" + name,
                        FieldSpec.builder(ArrayTypeName.of(elementType(type)), name, PRIVATE_CONSTANT)
                                .addJavadoc(Javadoc.of(
                                        "The constants of {@code "
                                                + type.enumType().type().canonicalName()
                                                + "}, by ordinal (read once: {@code values()} copies).\n",
                                        Javadoc.MEMBER))
                                .initializer("$T.values()", elementType(type))
                                .build());
            }
        }
        for (FieldModel field : model.struct().fields()) {
            if (field.type().atomic()) {
                String name = field.kind().name() + "$ATOMIC";
                specs.putIfAbsent(
                        "2" + name,
                        FieldSpec.builder(VAR_HANDLE, name, PRIVATE_CONSTANT)
                                .addJavadoc(Javadoc.of(
                                        "Volatile and atomic access to a naturally aligned {@code "
                                                + field.kind().javaName()
                                                + "} at an absolute address in {@code MEMORY$}.\n",
                                        Javadoc.MEMBER))
                                .initializer(
                                        "$T.$L.varHandle()",
                                        VALUE_LAYOUT,
                                        field.kind().layoutConstant())
                                .build());
            }
        }
        return new ArrayList<>(specs.values());
    }

    private static ClassName ofLayout(FieldKind kind) {
        String simple = switch (kind) {
            case SHORT -> "OfShort";
            case CHAR -> "OfChar";
            case INT -> "OfInt";
            case FLOAT -> "OfFloat";
            case LONG -> "OfLong";
            case DOUBLE -> "OfDouble";
            default -> throw new IllegalArgumentException("no big-endian layout for " + kind);
        };
        return VALUE_LAYOUT.nestedClass(simple);
    }

    /** Private helper methods: array copies, UTF-8 coding, enum decoding, length and record checks. */
    List<MethodSpec> helperMethods() {
        Map<String, MethodSpec> methods = new TreeMap<>();
        boolean utf8 = false;
        boolean arrays = false;
        for (FieldModel field : allFields()) {
            FieldType type = field.type();
            if (type.isArray()) {
                arrays = true;
                String name = arrayHelper(type);
                methods.putIfAbsent("read$" + name, arrayRead(type, name));
                methods.putIfAbsent("write$" + name, arrayWrite(type, name));
            }
            if (type.kind() == FieldKind.UTF8) {
                utf8 = true;
            }
            if (type.kind() == FieldKind.ENUM) {
                methods.putIfAbsent("enum$" + helper(type.enumType()), enumDecode(type));
            }
        }
        if (arrays) {
            methods.put("length$", lengthCheck());
        }
        if (utf8) {
            methods.putAll(utf8Helpers());
        }
        for (StructModel nested : model.nestedStructs()) {
            if (fallible(nested)) {
                methods.put(
                        "check$" + helper(nested),
                        MethodSpec.methodBuilder("check$" + helper(nested))
                                .addModifiers(PRIVATE_HELPER)
                                .addParameter(className(nested.type()), "value")
                                .addJavadoc(Javadoc.of(
                                        "Throws if a nested {@code "
                                                + nested.type().simpleName()
                                                + "} cannot be stored, before anything is written.\n\n"
                                                + "@param value the record to check\n",
                                        Javadoc.MEMBER))
                                .addCode(checkAll(nested, "value"))
                                .build());
            }
        }
        return new ArrayList<>(methods.values());
    }

    private MethodSpec arrayRead(FieldType type, String name) {
        TypeName element = elementType(type);
        MethodSpec.Builder read = MethodSpec.methodBuilder("read$" + name)
                .addModifiers(PRIVATE_HELPER)
                .returns(ArrayTypeName.of(element))
                .addParameter(long.class, "at")
                .addParameter(int.class, "length")
                .addJavadoc(Javadoc.of(
                        "Copies {@code length} {@code " + element + "} elements at {@code at} into "
                                + "a new array.\n\n@param at address of element 0\n@param length element count\n"
                                + "@return the copy\n",
                        Javadoc.MEMBER));
        if (type.kind() == FieldKind.BOOLEAN || type.kind() == FieldKind.STRUCT) {
            long stride = type.elementSizeBytes();
            read.addStatement("$T[] array = new $T[length]", element, element)
                    .beginControlFlow("for (int i = 0; i < length; i++)")
                    .addStatement("array[i] = $L", readElement(type, CodeBlock.of("at + i * $LL", stride)))
                    .endControlFlow()
                    .addStatement("return array");
        } else {
            read.addStatement("$T[] array = new $T[length]", element, element)
                    .addStatement("$T.copy(MEMORY$$, $L, at, array, 0, length)", MEMORY_SEGMENT, accessLayout(type))
                    .addStatement("return array");
        }
        return read.build();
    }

    private MethodSpec arrayWrite(FieldType type, String name) {
        TypeName element = elementType(type);
        MethodSpec.Builder write = MethodSpec.methodBuilder("write$" + name)
                .addModifiers(PRIVATE_HELPER)
                .addParameter(long.class, "at")
                .addParameter(ArrayTypeName.of(element), "array")
                .addJavadoc(Javadoc.of(
                        "Copies a checked array to {@code at}.\n\n@param at address of element 0\n"
                                + "@param array elements, already checked\n",
                        Javadoc.MEMBER));
        if (type.kind() == FieldKind.BOOLEAN || type.kind() == FieldKind.STRUCT) {
            long stride = type.elementSizeBytes();
            write.beginControlFlow("for (int i = 0; i < array.length; i++)")
                    .addCode(writeElement(type, CodeBlock.of("at + i * $LL", stride), CodeBlock.of("array[i]"), ""))
                    .endControlFlow();
        } else {
            write.addStatement("$T.copy(array, 0, MEMORY$$, $L, at, array.length)", MEMORY_SEGMENT, accessLayout(type));
        }
        return write.build();
    }

    private MethodSpec enumDecode(FieldType type) {
        EnumModel e = type.enumType();
        String table = helper(e) + "$VALUES";
        return MethodSpec.methodBuilder("enum$" + helper(e))
                .addModifiers(PRIVATE_HELPER)
                .returns(elementType(type))
                .addParameter(int.class, "ordinal")
                .addJavadoc(Javadoc.of(
                        "Maps a stored ordinal back to its constant.\n\n@param ordinal the stored "
                                + "value\n@return the constant\n@throws IllegalStateException if no constant has that "
                                + "ordinal (the memory was not written through an accessor of this enum)\n",
                        Javadoc.MEMBER))
                .beginControlFlow("if (ordinal >= $L.length)", table)
                .addStatement(
                        "throw new IllegalStateException($S + ordinal + $S + $L.length + $S)",
                        "stored ordinal ",
                        " is not a constant of enum " + e.type().canonicalName() + " (",
                        table,
                        " constants); the memory was not written by its accessors")
                .endControlFlow()
                .addStatement("return $L[ordinal]", table)
                .build();
    }

    private static MethodSpec lengthCheck() {
        return MethodSpec.methodBuilder("length$")
                .addModifiers(PRIVATE_HELPER)
                .addParameter(String.class, "component")
                .addParameter(int.class, "actual")
                .addParameter(int.class, "expected")
                .addJavadoc(Javadoc.of(
                        "Throws unless an array to store has exactly the component's length.\n\n"
                                + "@param component the component's name\n@param actual the array's length\n"
                                + "@param expected the component's {@code @Length}\n",
                        Javadoc.MEMBER))
                .beginControlFlow("if (actual != expected)")
                .addStatement(
                        "throw new IllegalArgumentException($S + component + $S + expected + $S + actual + $S)",
                        "component '",
                        "' holds exactly ",
                        " elements, but the array has ",
                        "; nothing was written")
                .endControlFlow()
                .build();
    }

    private static Map<String, MethodSpec> utf8Helpers() {
        Map<String, MethodSpec> methods = new LinkedHashMap<>();
        methods.put(
                "utf8$encode",
                MethodSpec.methodBuilder("utf8$encode")
                        .addModifiers(PRIVATE_HELPER)
                        .returns(byte[].class)
                        .addParameter(String.class, "component")
                        .addParameter(String.class, "value")
                        .addParameter(int.class, "capacity")
                        .addJavadoc(Javadoc.of(
                                "Encodes a string for a {@code @Utf8} component, or throws before anything "
                                        + "is written.\n\n@param component the component's name\n@param value the string\n"
                                        + "@param capacity the component's {@code @Utf8} byte count\n@return the UTF-8 bytes, at "
                                        + "most {@code capacity}\n@throws IllegalArgumentException if {@code value} is null, "
                                        + "contains NUL or needs more than {@code capacity} bytes\n",
                                Javadoc.MEMBER))
                        .beginControlFlow("if (value == null)")
                        .addStatement(
                                "throw new IllegalArgumentException($S + component + $S + capacity + $S)",
                                "component '",
                                "' cannot store null (0 bytes of at most ",
                                "); store \"\" for an empty string; " + "nothing was written")
                        .endControlFlow()
                        .addStatement("byte[] bytes = value.getBytes($T.UTF_8)", CHARSETS)
                        .beginControlFlow("if (bytes.length > capacity)")
                        .addStatement(
                                "throw new IllegalArgumentException($S + component + $S + bytes.length + $S + capacity"
                                        + " + $S)",
                                "component '",
                                "': the string is ",
                                " UTF-8 bytes, more than the ",
                                " it holds; nothing was written")
                        .endControlFlow()
                        .beginControlFlow("for (byte b : bytes)")
                        .beginControlFlow("if (b == 0)")
                        .addStatement(
                                "throw new IllegalArgumentException($S + component + $S + bytes.length + $S + capacity"
                                        + " + $S)",
                                "component '",
                                "': the string (",
                                " UTF-8 bytes, at most ",
                                ") contains NUL, which would end it early; nothing was written")
                        .endControlFlow()
                        .endControlFlow()
                        .addStatement("return bytes")
                        .build());
        methods.put(
                "utf8$read",
                MethodSpec.methodBuilder("utf8$read")
                        .addModifiers(PRIVATE_HELPER)
                        .returns(String.class)
                        .addParameter(long.class, "at")
                        .addParameter(int.class, "capacity")
                        .addJavadoc(Javadoc.of(
                                "Decodes a {@code @Utf8} component: the bytes up to the first NUL, or all "
                                        + "{@code capacity} bytes when there is none.\n\n@param at the component's address\n"
                                        + "@param capacity its byte count\n@return the string\n",
                                Javadoc.MEMBER))
                        .addStatement("int length = 0")
                        .beginControlFlow(
                                "while (length < capacity && MEMORY$$.get($T.JAVA_BYTE, at + length) != 0)",
                                VALUE_LAYOUT)
                        .addStatement("length++")
                        .endControlFlow()
                        .addStatement("byte[] bytes = new byte[length]")
                        .addStatement(
                                "$T.copy(MEMORY$$, $T.JAVA_BYTE, at, bytes, 0, length)", MEMORY_SEGMENT, VALUE_LAYOUT)
                        .addStatement("return new String(bytes, $T.UTF_8)", CHARSETS)
                        .build());
        methods.put(
                "utf8$write",
                MethodSpec.methodBuilder("utf8$write")
                        .addModifiers(PRIVATE_HELPER)
                        .addParameter(long.class, "at")
                        .addParameter(byte[].class, "bytes")
                        .addParameter(int.class, "capacity")
                        .addJavadoc(Javadoc.of(
                                "Writes encoded bytes and NUL-pads the rest of the component.\n\n"
                                        + "@param at the component's address\n@param bytes at most {@code capacity} bytes\n"
                                        + "@param capacity the component's byte count\n",
                                Javadoc.MEMBER))
                        .addStatement(
                                "$T.copy(bytes, 0, MEMORY$$, $T.JAVA_BYTE, at, bytes.length)",
                                MEMORY_SEGMENT,
                                VALUE_LAYOUT)
                        .addStatement("MEMORY$$.asSlice(at + bytes.length, capacity - bytes.length).fill((byte) 0)")
                        .build());
        return methods;
    }
}
