package io.gmalloc.processor.render;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.gmalloc.processor.Names;
import io.gmalloc.processor.model.FieldKind;
import io.gmalloc.processor.model.FieldModel;
import io.gmalloc.processor.model.FieldType;
import javax.lang.model.element.Modifier;

/**
 * The static accessors of one component, as docs/design.md §4 and docs/structs.md list them: the getter/setter
 * pair, and by kind the element accessors and address of an array, the address of a nested struct, and the
 * volatile and atomic accessors of an {@code @Atomic} component.
 */
final class AccessorRenderer {
    private static final Modifier[] API = {Modifier.PUBLIC, Modifier.STATIC};

    static final String ADDRESS_PARAM =
            "@param address a live block from {@link #alloc()}, or the address of a nested struct of this type\n";

    private final Access access;

    AccessorRenderer(Access access) {
        this.access = access;
    }

    void addAccessors(TypeSpec.Builder type, FieldModel field) {
        FieldType ft = field.type();
        CodeBlock at = CodeBlock.of("address + $L", Access.offset(field));
        String where = "{@code " + field.declaration() + "} (offset " + field.offsetBytes() + ")";
        TypeName javaType = Access.javaType(ft);
        String fresh =
                ft.isArray() ? " into a new array" : field.kind() == FieldKind.STRUCT ? " into a new record" : "";
        type.addMethod(MethodSpec.methodBuilder(field.name())
                .addModifiers(API)
                .returns(javaType)
                .addParameter(long.class, "address")
                .addJavadoc(doc("Reads " + where + fresh + ".\n\n" + ADDRESS_PARAM + "@return the component's value\n"
                        + readThrows(ft)))
                .addCode(check())
                .addStatement("return $L", access.read(field, at))
                .build());
        type.addMethod(MethodSpec.methodBuilder(field.name())
                .addModifiers(API)
                .addParameter(long.class, "address")
                .addParameter(javaType, "value")
                .addJavadoc(doc("Writes " + where + ".\n\n" + ADDRESS_PARAM + "@param value the new value\n"
                        + writeThrows(field)))
                .addCode(access.check(field, CodeBlock.of("value")))
                .addCode(check())
                .addCode(access.write(field, at, CodeBlock.of("value")))
                .build());
        if (ft.isArray()) {
            addElementAccessors(type, field, where);
        }
        if (field.kind() == FieldKind.STRUCT || ft.isArray()) {
            String what = ft.isArray()
                    ? "element 0 of " + where + "; element {@code i} is {@code " + ft.elementSizeBytes()
                            + " * i} bytes further"
                    : "the nested " + where + ", for the accessors of {@code "
                            + field.struct().type().simpleName() + "}'s generated bucket class";
            type.addMethod(MethodSpec.methodBuilder(field.name() + "Address")
                    .addModifiers(API)
                    .returns(long.class)
                    .addParameter(long.class, "address")
                    .addJavadoc(doc("Returns the address of " + what + ".\n\n" + ADDRESS_PARAM
                            + "@return {@code address} plus the component's offset\n"))
                    .addStatement("return address + $L", Access.offset(field))
                    .build());
        }
        if (ft.atomic()) {
            addAtomicAccessors(type, field, where);
        }
    }

    private void addElementAccessors(TypeSpec.Builder type, FieldModel field, String where) {
        FieldType ft = field.type();
        TypeName element = Access.elementType(ft);
        CodeBlock at = CodeBlock.of("address + $L + index * $LL", Access.offset(field), ft.elementSizeBytes());
        String range = "@param index element index, {@code 0 <= index < " + field.lengthConstant() + "}\n";
        String bounds = "@throws IndexOutOfBoundsException if {@code index} is outside {@code [0, "
                + field.lengthConstant() + ")} (always checked)\n";
        type.addMethod(MethodSpec.methodBuilder(field.name())
                .addModifiers(API)
                .returns(element)
                .addParameter(long.class, "address")
                .addParameter(long.class, "index")
                .addJavadoc(doc("Reads element {@code index} of " + where + ".\n\n" + ADDRESS_PARAM + range
                        + "@return the element\n" + bounds))
                .addStatement("$T.checkIndex(index, $L)", Access.OBJECTS, field.lengthConstant())
                .addCode(check())
                .addStatement("return $L", access.readElement(ft, at))
                .build());
        type.addMethod(MethodSpec.methodBuilder(field.name())
                .addModifiers(API)
                .addParameter(long.class, "address")
                .addParameter(long.class, "index")
                .addParameter(element, "value")
                .addJavadoc(doc("Writes element {@code index} of " + where + ".\n\n" + ADDRESS_PARAM + range
                        + "@param value the new element\n" + bounds
                        + (field.kind() == FieldKind.STRUCT
                                ? "@throws NullPointerException if {@code value} is null\n"
                                : "")))
                .addStatement("$T.checkIndex(index, $L)", Access.OBJECTS, field.lengthConstant())
                .addCode(access.checkElement(field, CodeBlock.of("value")))
                .addCode(check())
                .addCode(access.writeElement(ft, at, CodeBlock.of("value"), field.name()))
                .build());
    }

    private void addAtomicAccessors(TypeSpec.Builder type, FieldModel field, String where) {
        TypeName t = Access.elementType(field.type());
        String handle = field.kind().name() + "$ATOMIC";
        CodeBlock at = CodeBlock.of("address + $L", Access.offset(field));
        type.addMethod(MethodSpec.methodBuilder(field.name() + "Volatile")
                .addModifiers(API)
                .returns(t)
                .addParameter(long.class, "address")
                .addJavadoc(doc("Reads " + where + " with volatile semantics ({@code VarHandle.getVolatile}).\n\n"
                        + ADDRESS_PARAM + "@return the component's value\n"))
                .addCode(check())
                .addStatement("return ($T) $L.getVolatile(MEMORY$$, $L)", t, handle, at)
                .build());
        type.addMethod(MethodSpec.methodBuilder(field.name() + "Volatile")
                .addModifiers(API)
                .addParameter(long.class, "address")
                .addParameter(t, "value")
                .addJavadoc(doc("Writes " + where + " with volatile semantics ({@code VarHandle.setVolatile}).\n\n"
                        + ADDRESS_PARAM + "@param value the new value\n"))
                .addCode(check())
                .addStatement("$L.setVolatile(MEMORY$$, $L, value)", handle, at)
                .build());
        type.addMethod(MethodSpec.methodBuilder(field.name() + "GetAndAdd")
                .addModifiers(API)
                .returns(t)
                .addParameter(long.class, "address")
                .addParameter(t, "delta")
                .addJavadoc(doc("Atomically adds {@code delta} to " + where + " ({@code VarHandle.getAndAdd}).\n\n"
                        + ADDRESS_PARAM + "@param delta the amount to add (wraps around on overflow)\n"
                        + "@return the value before the addition\n"))
                .addCode(check())
                .addStatement("return ($T) $L.getAndAdd(MEMORY$$, $L, delta)", t, handle, at)
                .build());
        type.addMethod(MethodSpec.methodBuilder(field.name() + "CompareAndSet")
                .addModifiers(API)
                .returns(boolean.class)
                .addParameter(long.class, "address")
                .addParameter(t, "expected")
                .addParameter(t, "value")
                .addJavadoc(doc("Atomically sets " + where + " to {@code value} if it is {@code expected} "
                        + "({@code VarHandle.compareAndSet}).\n\n" + ADDRESS_PARAM
                        + "@param expected the value the component must hold\n@param value the new value\n"
                        + "@return whether the component held {@code expected} and now holds {@code value}\n"))
                .addCode(check())
                .addStatement("return (boolean) $L.compareAndSet(MEMORY$$, $L, expected, value)", handle, at)
                .build());
    }

    private static String readThrows(FieldType ft) {
        if (ft.kind() == FieldKind.ENUM) {
            return "@throws IllegalStateException if the stored ordinal is not a constant of {@code "
                    + ft.enumType().type().simpleName() + "}\n";
        }
        return "";
    }

    static String writeThrows(FieldModel field) {
        FieldType ft = field.type();
        if (ft.isArray()) {
            return "@throws IllegalArgumentException if {@code value} does not have exactly {@code "
                    + field.lengthConstant() + "} elements (nothing is written)\n"
                    + "@throws NullPointerException if {@code value}"
                    + (field.kind() == FieldKind.STRUCT ? " or an element" : "") + " is null\n";
        }
        return switch (ft.kind()) {
            case UTF8 ->
                "@throws IllegalArgumentException if {@code value} is null, contains NUL or is more than " + ft.length()
                        + " bytes of UTF-8 (nothing is written)\n";
            case ENUM, STRUCT -> "@throws NullPointerException if {@code value} is null (nothing is written)\n";
            default -> "";
        };
    }

    static CodeBlock doc(String text) {
        return Javadoc.of(text, Javadoc.MEMBER);
    }

    static CodeBlock check() {
        return CodeBlock.builder()
                .beginControlFlow("if (CHECKED$$)")
                .addStatement("$T.checkAccess(address, SIZE)", Names.GMALLOC)
                .endControlFlow()
                .build();
    }
}
