package io.gmalloc.processor.render;

import static io.gmalloc.processor.render.Access.MEMORY_LAYOUT;
import static io.gmalloc.processor.render.Access.MEMORY_SEGMENT;
import static io.gmalloc.processor.render.Access.STRUCT_LAYOUT;
import static io.gmalloc.processor.render.Access.className;
import static io.gmalloc.processor.render.Access.offset;
import static io.gmalloc.processor.render.AccessorRenderer.ADDRESS_PARAM;
import static io.gmalloc.processor.render.AccessorRenderer.check;
import static io.gmalloc.processor.render.AccessorRenderer.doc;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.gmalloc.processor.Names;
import io.gmalloc.processor.model.BucketKind;
import io.gmalloc.processor.model.BucketModel;
import io.gmalloc.processor.model.FieldModel;
import io.gmalloc.processor.model.StructModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Renders a {@link BucketModel} as the {@code <Record>Bucket} class of docs/design.md §4, shaped like jextract output:
 * static accessors named after the components, layout and offsets as constants, private helpers with {@code $}
 * in their names so they never clash with components. Reads as a list of steps: constants, allocation, arrays,
 * whole-record access (or the flyweight), per-component accessors ({@link AccessorRenderer}), nested-struct and
 * value helpers ({@link Access}). Sees only model records; the output depends on nothing but the model, so it is
 * deterministic.
 */
public final class BucketRenderer {
    private static final Modifier[] CONSTANT = {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL};
    private static final Modifier[] PRIVATE_CONSTANT = {Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL};
    private static final Modifier[] API = {Modifier.PUBLIC, Modifier.STATIC};
    private static final ClassName INVALID_FREE = ClassName.get("io.gmalloc", "InvalidFreeException");

    private final BucketModel model;
    private final StructModel struct;
    private final ClassName recordType;
    private final Access access;
    private final AccessorRenderer accessors;

    private BucketRenderer(BucketModel model) {
        this.model = model;
        this.struct = model.struct();
        this.recordType = className(struct.type());
        this.access = new Access(model);
        this.accessors = new AccessorRenderer(access);
    }

    /**
     * Renders the generated class; the caller adds originating elements when writing it.
     *
     * @param model a validated model
     * @return the class, to be written in the record's package
     */
    public static TypeSpec.Builder render(BucketModel model) {
        return new BucketRenderer(model).type();
    }

    /**
     * Wraps the rendered class in a source file with the house formatting.
     *
     * @param model the model the class was rendered from
     * @param type the rendered class
     * @return the file
     */
    public static JavaFile file(BucketModel model, TypeSpec type) {
        return JavaFile.builder(model.struct().type().packageName(), type)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private TypeSpec.Builder type() {
        TypeSpec.Builder type = TypeSpec.classBuilder(model.generatedName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(Javadoc.of(JavadocRenderer.classDoc(model), Javadoc.TYPE));
        if (model.generatedAnnotation()) {
            type.addAnnotation(AnnotationSpec.builder(ClassName.bestGuess(Names.GENERATED))
                    .addMember("value", "$S", Names.PROCESSOR)
                    .addMember(
                            "comments",
                            "$S",
                            "from @GMallocBucket record " + struct.type().canonicalName())
                    .build());
        }
        addConstants(type);
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Static members only.\n")
                .build());
        addAllocation(type);
        addArrays(type);
        addRegionOverloads(type);
        if (model.flyweight()) {
            addFlyweight(type);
        } else {
            addWholeRecordAccess(type);
        }
        for (FieldModel field : struct.fields()) {
            accessors.addAccessors(type, field);
        }
        type.addMethod(segment());
        for (StructModel nested : model.nestedStructs()) {
            type.addMethod(nestedLoad(nested));
            type.addMethod(nestedStore(nested));
        }
        type.addMethods(access.helperMethods());
        return type;
    }

    // ---- constants ------------------------------------------------------------------------------------------

    private void addConstants(TypeSpec.Builder type) {
        for (StructModel nested : model.nestedStructs()) {
            type.addField(FieldSpec.builder(STRUCT_LAYOUT, access.helper(nested) + "$LAYOUT", PRIVATE_CONSTANT)
                    .addJavadoc(doc(
                            "The C layout of the nested {@code " + nested.type().canonicalName() + "}.\n"))
                    .initializer(layout(nested))
                    .build());
        }
        type.addField(FieldSpec.builder(STRUCT_LAYOUT, "LAYOUT", CONSTANT)
                .addJavadoc(doc("The C layout of {@code " + struct.type().simpleName() + "}: members " + memberList()
                        + ", padding explicit.\n"))
                .initializer(layout(struct))
                .build());
        type.addField(FieldSpec.builder(long.class, "SIZE", CONSTANT)
                .addJavadoc(doc("Bytes per {@code " + struct.type().simpleName()
                        + "}, trailing padding included; also the distance between blocks.\n"))
                .initializer("$LL", struct.sizeBytes())
                .build());
        type.addField(FieldSpec.builder(long.class, "ALIGNMENT", CONSTANT)
                .addJavadoc(doc("Alignment of {@code " + struct.type().simpleName()
                        + "}: its largest member alignment; every block is aligned to it.\n"))
                .initializer("$LL", struct.alignment())
                .build());
        for (FieldModel field : struct.fields()) {
            if (field.type().isArray()) {
                type.addField(FieldSpec.builder(int.class, field.lengthConstant(), CONSTANT)
                        .addJavadoc(doc("Number of elements of {@code " + field.name() + "}: its {@code @Length}.\n"))
                        .initializer("$L", field.type().length())
                        .build());
            }
        }
        for (FieldModel field : struct.fields()) {
            type.addField(FieldSpec.builder(long.class, offset(field), PRIVATE_CONSTANT)
                    .addJavadoc(doc("Byte offset of {@code " + field.name() + "}.\n"))
                    .initializer("$LL", field.offsetBytes())
                    .build());
        }
        type.addField(FieldSpec.builder(MEMORY_SEGMENT, "MEMORY$", PRIVATE_CONSTANT)
                .addJavadoc("The whole address space; accessors read and write raw addresses through it.\n")
                .initializer("$T.addressSpace()", Names.GMALLOC)
                .build());
        type.addField(FieldSpec.builder(boolean.class, "CHECKED$", PRIVATE_CONSTANT)
                .addJavadoc("{@code -Dgmalloc.checked=true}, read once so the JIT folds the check away when off.\n")
                .initializer("$T.checkedMode()", Names.GMALLOC)
                .build());
        type.addFields(access.helperConstants());
        if (model.bucketKind() == BucketKind.SPECIAL) {
            type.addField(FieldSpec.builder(Names.SPECIAL_BUCKET, "BUCKET$", PRIVATE_CONSTANT)
                    .addJavadoc("This type's own bucket: blocks exactly {@code SIZE} bytes apart.\n")
                    .initializer(
                            "new $T($S, SIZE, ALIGNMENT)",
                            Names.SPECIAL_BUCKET,
                            struct.type().canonicalName())
                    .build());
        }
    }

    /** The struct's layout; padding comes from the model, which planned it once. */
    private CodeBlock layout(StructModel s) {
        List<CodeBlock> members = new ArrayList<>();
        for (FieldModel field : s.fields()) {
            if (field.paddingBeforeBytes() > 0) {
                members.add(CodeBlock.of("$T.paddingLayout($LL)", MEMORY_LAYOUT, field.paddingBeforeBytes()));
            }
            members.add(access.memberLayout(field));
        }
        if (s.trailingPaddingBytes() > 0) {
            members.add(CodeBlock.of("$T.paddingLayout($LL)", MEMORY_LAYOUT, s.trailingPaddingBytes()));
        }
        return CodeBlock.builder()
                .add("$T.structLayout(\n$>$>", MEMORY_LAYOUT)
                .add(CodeBlock.join(members, ",\n"))
                .add(")\n.withName($S)$<$<", s.type().simpleName())
                .build();
    }

    // ---- allocation: alloc, alloc(value), free (one method each, so overloads slot in beside them) ---------

    private void addAllocation(TypeSpec.Builder type) {
        type.addMethod(alloc());
        type.addMethod(free());
        if (!model.flyweight()) {
            type.addMethod(allocValue()); // an interface has no record to copy in
        }
        if (model.bucketKind() == BucketKind.SPECIAL) {
            type.addMethod(freeFailed());
        }
    }

    private MethodSpec alloc() {
        MethodSpec.Builder alloc = MethodSpec.methodBuilder("alloc")
                .addModifiers(API)
                .returns(long.class)
                .addJavadoc(doc("Allocates a zeroed {@code " + struct.type().simpleName() + "} block " + source()
                        + ".\n\n@return the block's address; release it with {@link #free(long)}\n"
                        + "@throws OutOfMemoryError if gmalloc cannot get memory (or would pass "
                        + "{@code -Dgmalloc.maxBytes})\n"));
        if (model.bucketKind() == BucketKind.SPECIAL) {
            alloc.addStatement("return BUCKET$$.alloc()");
        } else {
            alloc.addStatement("return $T.gmalloc(SIZE)", Names.GMALLOC);
        }
        return alloc.build();
    }

    private MethodSpec free() {
        boolean special = model.bucketKind() == BucketKind.SPECIAL;
        MethodSpec.Builder free = MethodSpec.methodBuilder("free")
                .addModifiers(API)
                .addParameter(long.class, "address")
                .addJavadoc(doc("Frees a block returned by {@link #alloc()}; {@code 0} is ignored.\n\n"
                        + "@param address the block's address\n"
                        + "@throws io.gmalloc.InvalidFreeException if {@code address} is not a live block "
                        + (special
                                ? "of this bucket (an array from {@link #allocArray(long)} is freed with "
                                        + "{@link #freeArray(long)})"
                                : "of gmalloc")
                        + "\n"));
        if (special) {
            free.beginControlFlow("if (address != 0)")
                    .beginControlFlow("try")
                    .addStatement("BUCKET$$.free(address)")
                    .nextControlFlow("catch ($T e)", INVALID_FREE)
                    .addStatement("throw free$$failed(e)")
                    .endControlFlow()
                    .endControlFlow();
        } else {
            free.addStatement("$T.gfree(address)", Names.GMALLOC);
        }
        return free.build();
    }

    /** Adds the hint a user needs when {@code free} is given an array's base (kept out of {@code free} itself). */
    private MethodSpec freeFailed() {
        return MethodSpec.methodBuilder("free$failed")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(INVALID_FREE)
                .addParameter(INVALID_FREE, "e")
                .addJavadoc(doc("Explains a wrong-bucket free: the usual cause is an array's base.\n\n"
                        + "@param e what the bucket threw\n@return the exception to throw\n"))
                .beginControlFlow("if (e.reason() != $T.Reason.WRONG_BUCKET)", INVALID_FREE)
                .addStatement("return e")
                .endControlFlow()
                .addStatement(
                        "return new $T(e.address(), e.reason(), $S + e.getMessage() + $S)",
                        INVALID_FREE,
                        model.generatedName() + ".free: ",
                        " (a block from allocArray is freed with freeArray(long))")
                .build();
    }

    private MethodSpec allocValue() {
        return MethodSpec.methodBuilder("alloc")
                .addModifiers(API)
                .returns(long.class)
                .addParameter(recordType, "value")
                .addJavadoc(doc("Allocates a block and stores {@code value} in it; {@code value} is checked "
                        + "first, so a value that cannot be stored allocates nothing.\n\n"
                        + "@param value the record to copy off-heap\n"
                        + "@return the block's address; release it with {@link #free(long)}\n"
                        + "@throws NullPointerException if {@code value} or a record, enum or array in it is null\n"
                        + (Access.fallible(struct)
                                ? "@throws IllegalArgumentException if a string or array "
                                        + "component does not fit (see {@link #store})\n"
                                : "")))
                .addCode(checkValue())
                .addStatement("long address = alloc()")
                .addCode(writeValue(CodeBlock.of("address")))
                .addStatement("return address")
                .build();
    }

    // ---- contiguous arrays of structs ----------------------------------------------------------------------

    /** Contiguous arrays of structs: one zeroed gmalloc block of {@code count * SIZE} bytes. */
    private void addArrays(TypeSpec.Builder type) {
        String name = struct.type().simpleName();
        type.addMethod(MethodSpec.methodBuilder("allocArray")
                .addModifiers(API)
                .returns(long.class)
                .addParameter(long.class, "count")
                .addJavadoc(doc("Allocates a zeroed array of {@code count} contiguous {@code " + name
                        + "} structs, {@code SIZE} bytes apart, as one gmalloc block (not from this type's "
                        + "bucket).\n\n@param count number of elements, not negative\n"
                        + "@return the address of element 0; address elements with "
                        + "{@link #elementAddress(long, long)} and release the array with {@link #freeArray(long)}\n"
                        + "@throws IllegalArgumentException if {@code count} is negative or {@code count * SIZE} "
                        + "overflows\n"))
                .addCode(arrayCountChecks())
                .addStatement("return $T.gcalloc(count, SIZE)", Names.GMALLOC)
                .build());
        type.addMethod(MethodSpec.methodBuilder("elementAddress")
                .addModifiers(API)
                .returns(long.class)
                .addParameter(long.class, "base")
                .addParameter(long.class, "index")
                .addJavadoc(doc("Returns the address of element {@code index} of an array from "
                        + "{@link #allocArray(long)}, for this class's accessors. No bounds check here; checked "
                        + "mode checks the accessors.\n\n@param base the array's address\n"
                        + "@param index element index, {@code 0 <= index < count}\n"
                        + "@return {@code base + index * SIZE}\n"))
                .addStatement("return base + index * SIZE")
                .build());
        MethodSpec.Builder freeArray = MethodSpec.methodBuilder("freeArray")
                .addModifiers(API)
                .addParameter(long.class, "base")
                .addJavadoc(doc("Frees an array from {@link #allocArray(long)}; {@code 0} is ignored.\n\n"
                        + "@param base the array's address\n"
                        + "@throws io.gmalloc.InvalidFreeException if {@code base} is not a live gmalloc block"
                        + (singleBlockDetectable() ? ", or is a single block from {@link #alloc()}" : "") + "\n"));
        if (singleBlockDetectable()) {
            // A SIZE that is not a multiple of 8 is never the usable size of a gmalloc or gcalloc block, only
            // the stride of a special bucket: such a base came from alloc(), not allocArray.
            freeArray
                    .beginControlFlow("if (base != 0 && $T.usableSize(base) == SIZE)", Names.GMALLOC)
                    .addStatement(
                            "throw new $T(base, $T.Reason.WRONG_BUCKET, $S + Long.toHexString(base) + $S)",
                            INVALID_FREE,
                            INVALID_FREE,
                            model.generatedName() + ".freeArray: address 0x",
                            " is a single " + name + " block from alloc(), not an array from allocArray; free it"
                                    + " with free(long); nothing was changed")
                    .endControlFlow();
        }
        type.addMethod(freeArray.addStatement("$T.gfree(base)", Names.GMALLOC).build());
    }

    // ---- the same in a Region ------------------------------------------------------------------------------

    /**
     * {@code alloc(Region)}, {@code alloc(Region, value)} and {@code allocArray(Region, count)} (docs/design.md §2a):
     * the same blocks as the plain overloads, owned by a region and freed with it. A special bucket allocates from
     * an arena of its stride that belongs to the region.
     */
    private void addRegionOverloads(TypeSpec.Builder type) {
        String name = struct.type().simpleName();
        String regionParam = "@param region an open region of the calling thread\n";
        String regionThrows =
                "@throws WrongThreadException if the caller is not the thread that opened {@code region}\n"
                        + "@throws IllegalStateException if {@code region} is closed\n";
        MethodSpec.Builder alloc = MethodSpec.methodBuilder("alloc")
                .addModifiers(API)
                .returns(long.class)
                .addParameter(Names.REGION, "region")
                .addJavadoc(doc("Allocates a zeroed {@code " + name + "} block in {@code region}: it is freed when "
                        + "the region closes, or earlier with {@link #free(long)}.\n\n" + regionParam
                        + "@return the block's address\n" + regionThrows));
        if (model.bucketKind() == BucketKind.SPECIAL) {
            alloc.addStatement("return BUCKET$$.alloc(region)");
        } else {
            alloc.addStatement("return region.gmalloc(SIZE)");
        }
        type.addMethod(alloc.build());
        if (!model.flyweight()) {
            type.addMethod(MethodSpec.methodBuilder("alloc")
                    .addModifiers(API)
                    .returns(long.class)
                    .addParameter(Names.REGION, "region")
                    .addParameter(recordType, "value")
                    .addJavadoc(doc("Allocates a block in {@code region} and stores {@code value} in it; "
                            + "{@code value} is checked first, so a value that cannot be stored allocates nothing."
                            + "\n\n" + regionParam + "@param value the record to copy off-heap\n"
                            + "@return the block's address\n"
                            + "@throws NullPointerException if {@code value} or a record, enum or array in it is null\n"
                            + (Access.fallible(struct)
                                    ? "@throws IllegalArgumentException if a string or array "
                                            + "component does not fit (see {@link #store})\n"
                                    : "")
                            + regionThrows))
                    .addCode(checkValue())
                    .addStatement("long address = alloc(region)")
                    .addCode(writeValue(CodeBlock.of("address")))
                    .addStatement("return address")
                    .build());
        }
        type.addMethod(MethodSpec.methodBuilder("allocArray")
                .addModifiers(API)
                .returns(long.class)
                .addParameter(Names.REGION, "region")
                .addParameter(long.class, "count")
                .addJavadoc(doc("Allocates a zeroed array of {@code count} contiguous {@code " + name + "} structs "
                        + "in {@code region}, as one block of the region, freed when it closes or with "
                        + "{@link #freeArray(long)}.\n\n" + regionParam
                        + "@param count number of elements, not negative\n@return the address of element 0\n"
                        + "@throws IllegalArgumentException if {@code count} is negative or {@code count * SIZE} "
                        + "overflows\n" + regionThrows))
                .addCode(arrayCountChecks())
                .addStatement("return region.gcalloc(count, SIZE)")
                .build());
    }

    /** The checks of {@code count} both {@code allocArray} methods begin with, naming {@code allocArray}. */
    private CodeBlock arrayCountChecks() {
        return CodeBlock.builder()
                .beginControlFlow("if (count < 0)")
                .addStatement(
                        "throw new $T($S + count)",
                        IllegalArgumentException.class,
                        model.generatedName() + ".allocArray: count must not be negative: ")
                .endControlFlow()
                .beginControlFlow("if (count > $T.MAX_VALUE / SIZE)", Long.class)
                .addStatement(
                        "throw new $T($S + count + $S)",
                        IllegalArgumentException.class,
                        model.generatedName() + ".allocArray: ",
                        " elements of " + struct.sizeBytes() + " bytes overflow a long")
                .endControlFlow()
                .build();
    }

    private boolean singleBlockDetectable() {
        return model.bucketKind() == BucketKind.SPECIAL && struct.sizeBytes() % 8 != 0;
    }

    // ---- whole record: load / store, or the flyweight --------------------------------------------------------

    private CodeBlock checkValue() {
        return CodeBlock.builder()
                .addStatement("$T.requireNonNull(value, $S)", Access.OBJECTS, "value")
                .add(access.checkAll(struct, "value"))
                .build();
    }

    private CodeBlock writeValue(CodeBlock address) {
        CodeBlock.Builder writes = CodeBlock.builder();
        for (FieldModel field : struct.fields()) {
            writes.add(access.write(
                    field, CodeBlock.of("$L + $L", address, offset(field)), CodeBlock.of("value.$L()", field.name())));
        }
        return writes.build();
    }

    private void addWholeRecordAccess(TypeSpec.Builder type) {
        List<CodeBlock> reads = new ArrayList<>();
        for (FieldModel field : struct.fields()) {
            reads.add(access.read(field, CodeBlock.of("address + $L", offset(field))));
        }
        String name = struct.type().simpleName();
        type.addMethod(MethodSpec.methodBuilder("load")
                .addModifiers(API)
                .returns(recordType)
                .addParameter(long.class, "address")
                .addJavadoc(doc("Reads the whole {@code " + name + "} at {@code address} into a new record"
                        + " (arrays are fresh copies).\n\n" + ADDRESS_PARAM + "@return a heap copy\n"))
                .addCode(check())
                .addStatement("return new $T(\n$L)", recordType, CodeBlock.join(reads, ",\n"))
                .build());
        type.addMethod(MethodSpec.methodBuilder("store")
                .addModifiers(API)
                .addParameter(long.class, "address")
                .addParameter(recordType, "value")
                .addJavadoc(doc("Writes every component of {@code value} to the {@code " + name + "} at {@code "
                        + "address}. Every component is checked before the first byte is written, so a value "
                        + "that cannot be stored changes nothing.\n\n" + ADDRESS_PARAM
                        + "@param value the record to copy\n"
                        + "@throws NullPointerException if {@code value} or a record, enum or array in it is null\n"
                        + (Access.fallible(struct)
                                ? "@throws IllegalArgumentException if a {@code @Utf8} string "
                                        + "is too long, contains NUL or is null, or an array's length is not its "
                                        + "{@code @Length}\n"
                                : "")))
                .addCode(checkValue())
                .addCode(check())
                .addCode(writeValue(CodeBlock.of("address")))
                .build());
    }

    /**
     * For an annotated interface: {@code ref(long)} and a {@code Ref} flyweight implementing the interface over an
     * address, its methods delegating to the static accessors (qualified: inside {@code Ref} the simple name would
     * find only {@code Ref}'s own overloads).
     */
    private void addFlyweight(TypeSpec.Builder type) {
        ClassName generated = ClassName.get(struct.type().packageName(), model.generatedName());
        ClassName ref = generated.nestedClass("Ref");
        String name = struct.type().simpleName();
        type.addMethod(MethodSpec.methodBuilder("ref")
                .addModifiers(API)
                .returns(ref)
                .addParameter(long.class, "address")
                .addJavadoc(doc("Returns a {@code " + name + "} view of the struct at {@code address}; move it with "
                        + "{@link Ref#moveTo(long)} to visit many structs with one object.\n\n" + ADDRESS_PARAM
                        + "@return a new flyweight\n"))
                .addStatement("return new $T(address)", ref)
                .build());
        TypeSpec.Builder flyweight = TypeSpec.classBuilder("Ref")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(recordType)
                .addJavadoc(Javadoc.of(
                        "A {@code " + name + "} over the struct at an address: every method reads "
                                + "or writes off-heap memory through {@code " + model.generatedName()
                                + "}'s accessors. Not "
                                + "thread-safe; {@link #moveTo(long)} re-points it.\n",
                        Javadoc.MEMBER))
                .addField(FieldSpec.builder(long.class, "address", Modifier.PRIVATE)
                        .addJavadoc("The struct this view reads and writes.\n")
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(long.class, "address")
                        .addJavadoc("Creates a view; see {@link $T#ref(long)}.\n\n", generated)
                        .addJavadoc("@param address the struct's address\n")
                        .addStatement("this.address = address")
                        .build())
                .addMethod(MethodSpec.methodBuilder("address")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(long.class)
                        .addJavadoc("Returns the address of the struct this view shows.\n\n@return the address\n")
                        .addStatement("return address")
                        .build())
                .addMethod(MethodSpec.methodBuilder("moveTo")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ref)
                        .addParameter(long.class, "address")
                        .addJavadoc("Re-points this view to another struct.\n\n")
                        .addJavadoc("@param address the other struct's address\n@return this view\n")
                        .addStatement("this.address = address")
                        .addStatement("return this")
                        .build());
        for (FieldModel field : struct.fields()) {
            TypeName javaType = Access.javaType(field.type());
            flyweight.addMethod(MethodSpec.methodBuilder(field.name())
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(javaType)
                    .addStatement("return $T.$L(address)", generated, field.name())
                    .build());
            flyweight.addMethod(MethodSpec.methodBuilder(field.name())
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(javaType, "value")
                    .addStatement("$T.$L(address, value)", generated, field.name())
                    .build());
        }
        flyweight.addMethod(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $S + Long.toHexString(address)", name + "@0x")
                .build());
        type.addType(flyweight.build());
    }

    private MethodSpec segment() {
        return MethodSpec.methodBuilder("segment")
                .addModifiers(API)
                .returns(MEMORY_SEGMENT)
                .addParameter(long.class, "address")
                .addJavadoc(doc("Views the {@code " + struct.type().simpleName() + "} at {@code address} as a "
                        + "segment of {@code SIZE} bytes (global scope: it stays usable after {@link #free(long)}, "
                        + "like the raw address).\n\n" + ADDRESS_PARAM
                        + "@return a segment for use with {@link #LAYOUT}\n"))
                .addCode(check())
                .addStatement("return MEMORY$$.asSlice(address, SIZE)")
                .build();
    }

    // ---- nested structs --------------------------------------------------------------------------------------

    private MethodSpec nestedLoad(StructModel nested) {
        List<CodeBlock> reads = new ArrayList<>();
        for (FieldModel field : nested.fields()) {
            reads.add(access.read(field, CodeBlock.of("address + $LL", field.offsetBytes())));
        }
        return MethodSpec.methodBuilder("load$" + access.helper(nested))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(className(nested.type()))
                .addParameter(long.class, "address")
                .addJavadoc(doc("Reads a nested {@code " + nested.type().simpleName() + "} (no check: the caller "
                        + "checked the enclosing struct).\n\n@param address the nested struct's address\n"
                        + "@return a heap copy\n"))
                .addStatement("return new $T(\n$L)", className(nested.type()), CodeBlock.join(reads, ",\n"))
                .build();
    }

    private MethodSpec nestedStore(StructModel nested) {
        MethodSpec.Builder store = MethodSpec.methodBuilder("store$" + access.helper(nested))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(long.class, "address")
                .addParameter(className(nested.type()), "value")
                .addJavadoc(doc("Writes a nested {@code " + nested.type().simpleName() + "} that was checked "
                        + "already (no address check either: the caller checked the enclosing struct).\n\n"
                        + "@param address the nested struct's address\n@param value the record to copy\n"));
        for (FieldModel field : nested.fields()) {
            store.addCode(access.write(
                    field,
                    CodeBlock.of("address + $LL", field.offsetBytes()),
                    CodeBlock.of("value.$L()", field.name())));
        }
        return store.build();
    }

    // ---- text --------------------------------------------------------------------------------------------------

    private String memberList() {
        List<String> names = new ArrayList<>();
        for (FieldModel field : struct.fields()) {
            names.add("{@code " + field.name() + "}");
        }
        return String.join(", ", names);
    }

    private String source() {
        return switch (model.bucketKind()) {
            case GENERAL -> "from the general " + struct.sizeBytes() + "-byte bucket";
            case SPECIAL -> "from this type's own bucket ({@code SIZE} bytes apart)";
            case SYSTEM -> "from the system allocator (larger than a special bucket's 64 KiB limit)";
        };
    }
}
