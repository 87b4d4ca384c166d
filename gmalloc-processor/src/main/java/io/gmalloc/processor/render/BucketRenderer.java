package io.gmalloc.processor.render;

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
import io.gmalloc.processor.model.FieldKind;
import io.gmalloc.processor.model.FieldModel;
import io.gmalloc.processor.model.RecordRef;
import io.gmalloc.processor.model.StructModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Renders a {@link BucketModel} as the {@code <Record>Bucket} class of docs/design.md §4, shaped like jextract output:
 * static accessors named after the components, layout and offsets as constants, private helpers with {@code $}
 * in their names so they never clash with components. Sees only model records; the output depends on nothing
 * but the model, so it is deterministic.
 */
public final class BucketRenderer {
    static final ClassName MEMORY_SEGMENT = ClassName.get("java.lang.foreign", "MemorySegment");
    static final ClassName MEMORY_LAYOUT = ClassName.get("java.lang.foreign", "MemoryLayout");
    static final ClassName STRUCT_LAYOUT = ClassName.get("java.lang.foreign", "StructLayout");
    static final ClassName VALUE_LAYOUT = ClassName.get("java.lang.foreign", "ValueLayout");

    private static final Modifier[] CONSTANT = {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL};
    private static final Modifier[] PRIVATE_CONSTANT = {Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL};
    private static final Modifier[] API = {Modifier.PUBLIC, Modifier.STATIC};

    private final BucketModel model;
    private final StructModel struct;
    private final ClassName recordType;

    /** Prefix of each nested struct's private helpers ({@code Vec3} → {@code Vec3$LAYOUT}, {@code load$Vec3}). */
    private final Map<String, String> helperNames = new LinkedHashMap<>();

    private BucketRenderer(BucketModel model) {
        this.model = model;
        this.struct = model.struct();
        this.recordType = className(struct.type());
        Set<String> used = new HashSet<>();
        for (StructModel nested : model.nestedStructs()) {
            String base = nested.type().simpleName();
            String name = base;
            for (int i = 2; !used.add(name); i++) {
                name = base + "$" + i;
            }
            helperNames.put(nested.type().canonicalName(), name);
        }
    }

    /**
     * Renders the generated class; the caller adds originating elements when writing it.
     *
     * @param model a validated model
     * @return the source file, in the record's package
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

    static ClassName className(RecordRef ref) {
        List<String> names = ref.simpleNames();
        return ClassName.get(ref.packageName(), names.getFirst(), names.subList(1, names.size()).toArray(String[]::new));
    }

    private TypeSpec.Builder type() {
        TypeSpec.Builder type = TypeSpec.classBuilder(model.generatedName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("$L", JavadocRenderer.classDoc(model));
        if (model.generatedAnnotation()) {
            type.addAnnotation(AnnotationSpec.builder(ClassName.bestGuess(Names.GENERATED))
                    .addMember("value", "$S", Names.PROCESSOR)
                    .addMember("comments", "$S", "from @GMallocBucket record " + struct.type().canonicalName())
                    .build());
        }
        addConstants(type);
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Static members only.\n")
                .build());
        addLifecycle(type);
        addArrays(type);
        addRegionOverloads(type);
        if (model.flyweight()) {
            addFlyweight(type);
        } else {
            addWholeRecordAccess(type);
        }
        for (FieldModel field : struct.fields()) {
            addAccessors(type, field);
        }
        type.addMethod(segment());
        for (StructModel nested : model.nestedStructs()) {
            type.addMethod(nestedLoad(nested));
            type.addMethod(nestedStore(nested));
        }
        return type;
    }

    // ---- constants ------------------------------------------------------------------------------------------

    private void addConstants(TypeSpec.Builder type) {
        for (StructModel nested : model.nestedStructs()) {
            type.addField(FieldSpec.builder(STRUCT_LAYOUT, helper(nested) + "$LAYOUT", PRIVATE_CONSTANT)
                    .addJavadoc("The C layout of the nested {@code $L}.\n", nested.type().canonicalName())
                    .initializer(layout(nested))
                    .build());
        }
        type.addField(FieldSpec.builder(STRUCT_LAYOUT, "LAYOUT", CONSTANT)
                .addJavadoc("The C layout of {@code $L}: members $L, padding explicit.\n",
                        struct.type().simpleName(), memberList())
                .initializer(layout(struct))
                .build());
        type.addField(FieldSpec.builder(long.class, "SIZE", CONSTANT)
                .addJavadoc("Bytes per {@code $L}, trailing padding included; also the distance between blocks.\n",
                        struct.type().simpleName())
                .initializer("$LL", struct.sizeBytes())
                .build());
        type.addField(FieldSpec.builder(long.class, "ALIGNMENT", CONSTANT)
                .addJavadoc("Alignment of {@code $L}: its largest member alignment.\n", struct.type().simpleName())
                .initializer("$LL", struct.alignment())
                .build());
        for (FieldModel field : struct.fields()) {
            type.addField(FieldSpec.builder(long.class, offset(field), PRIVATE_CONSTANT)
                    .addJavadoc("Byte offset of {@code $L}.\n", field.name())
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
        if (model.bucketKind() == BucketKind.SPECIAL) {
            type.addField(FieldSpec.builder(Names.SPECIAL_BUCKET, "BUCKET$", PRIVATE_CONSTANT)
                    .addJavadoc("This type's own bucket: blocks exactly {@code SIZE} bytes apart.\n")
                    .initializer("new $T($S, SIZE, ALIGNMENT)", Names.SPECIAL_BUCKET, struct.type().canonicalName())
                    .build());
        }
    }

    private CodeBlock layout(StructModel s) {
        List<CodeBlock> members = new ArrayList<>();
        long end = 0;
        for (FieldModel field : s.fields()) {
            if (field.offsetBytes() > end) {
                members.add(CodeBlock.of("$T.paddingLayout($LL)", MEMORY_LAYOUT, field.offsetBytes() - end));
            }
            if (field.kind() == FieldKind.STRUCT) {
                members.add(CodeBlock.of("$L$$LAYOUT.withName($S)", helper(field.struct()), field.name()));
            } else {
                members.add(CodeBlock.of(
                        "$T.$L.withName($S)", VALUE_LAYOUT, field.kind().layoutConstant(), field.name()));
            }
            end = field.offsetBytes() + field.sizeBytes();
        }
        if (s.sizeBytes() > end) {
            members.add(CodeBlock.of("$T.paddingLayout($LL)", MEMORY_LAYOUT, s.sizeBytes() - end));
        }
        return CodeBlock.builder()
                .add("$T.structLayout(\n$>$>", MEMORY_LAYOUT)
                .add(CodeBlock.join(members, ",\n"))
                .add(")\n.withName($S)$<$<", s.type().simpleName())
                .build();
    }

    // ---- alloc / free / load / store -----------------------------------------------------------------------

    private void addLifecycle(TypeSpec.Builder type) {
        MethodSpec.Builder alloc = MethodSpec.methodBuilder("alloc")
                .addModifiers(API)
                .returns(long.class)
                .addJavadoc("Allocates a zeroed {@code $L} block $L.\n\n", struct.type().simpleName(), source())
                .addJavadoc("@return the block's address; release it with {@link #free(long)}\n")
                .addJavadoc("@throws OutOfMemoryError if gmalloc cannot get memory (or would pass {@code -Dgmalloc.maxBytes})\n");
        MethodSpec.Builder free = MethodSpec.methodBuilder("free")
                .addModifiers(API)
                .addParameter(long.class, "address")
                .addJavadoc("Frees a block returned by {@link #alloc()}; {@code 0} is ignored.\n\n")
                .addJavadoc("@param address the block's address\n")
                .addJavadoc("@throws io.gmalloc.InvalidFreeException if {@code address} is not a live block $L\n",
                        model.bucketKind() == BucketKind.SPECIAL ? "of this bucket" : "of gmalloc");
        if (model.bucketKind() == BucketKind.SPECIAL) {
            alloc.addStatement("return BUCKET$$.alloc()");
            free.beginControlFlow("if (address != 0)")
                    .addStatement("BUCKET$$.free(address)")
                    .endControlFlow();
        } else {
            alloc.addStatement("return $T.gmalloc(SIZE)", Names.GMALLOC);
            free.addStatement("$T.gfree(address)", Names.GMALLOC);
        }
        type.addMethod(alloc.build());
        type.addMethod(free.build());
        if (model.flyweight()) {
            return; // no record to copy in
        }
        type.addMethod(MethodSpec.methodBuilder("alloc")
                .addModifiers(API)
                .returns(long.class)
                .addParameter(recordType, "value")
                .addJavadoc("Allocates a block and stores {@code value} in it.\n\n")
                .addJavadoc("@param value the record to copy off-heap\n")
                .addJavadoc("@return the block's address; release it with {@link #free(long)}\n")
                .addJavadoc("@throws NullPointerException if {@code value} or a nested record in it is null "
                        + "(the block is freed again)\n")
                .addStatement("long address = alloc()")
                .beginControlFlow("try")
                .addStatement("store(address, value)")
                .nextControlFlow("catch (RuntimeException e)")
                .addStatement("free(address)")
                .addStatement("throw e")
                .endControlFlow()
                .addStatement("return address")
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
                .addJavadoc("Returns a {@code $L} view of the struct at {@code address}; move it with "
                        + "{@link Ref#moveTo(long)} to visit many structs with one object.\n\n", name)
                .addJavadoc(ADDRESS_PARAM)
                .addJavadoc("@return a new flyweight\n")
                .addStatement("return new $T(address)", ref)
                .build());
        TypeSpec.Builder flyweight = TypeSpec.classBuilder("Ref")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(recordType)
                .addJavadoc("A {@code $L} over the struct at an address: every method reads or writes off-heap "
                        + "memory through {@code $L}'s accessors. Not thread-safe; {@link #moveTo(long)} re-points "
                        + "it.\n", name, model.generatedName())
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
            TypeName javaType = javaType(field);
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

    /** Contiguous arrays of structs (docs/design.md §4 stretch): one zeroed gmalloc block of {@code count * SIZE} bytes. */
    private void addArrays(TypeSpec.Builder type) {
        String name = struct.type().simpleName();
        type.addMethod(MethodSpec.methodBuilder("allocArray")
                .addModifiers(API)
                .returns(long.class)
                .addParameter(long.class, "count")
                .addJavadoc("Allocates a zeroed array of {@code count} contiguous {@code $L} structs, {@code SIZE} bytes "
                        + "apart, as one gmalloc block (not from this type's bucket).\n\n", name)
                .addJavadoc("@param count number of elements, not negative\n")
                .addJavadoc("@return the address of element 0; address elements with {@link #elementAddress(long, long)} "
                        + "and release the array with {@link #freeArray(long)}\n")
                .addJavadoc("@throws IllegalArgumentException if {@code count} is negative or {@code count * SIZE} "
                        + "overflows\n")
                .addStatement("return $T.gcalloc(count, SIZE)", Names.GMALLOC)
                .build());
        type.addMethod(MethodSpec.methodBuilder("elementAddress")
                .addModifiers(API)
                .returns(long.class)
                .addParameter(long.class, "base")
                .addParameter(long.class, "index")
                .addJavadoc("Returns the address of element {@code index} of an array from {@link #allocArray(long)}, "
                        + "for this class's accessors. No bounds check here; checked mode checks the accessors.\n\n")
                .addJavadoc("@param base the array's address\n")
                .addJavadoc("@param index element index, {@code 0 <= index < count}\n")
                .addJavadoc("@return {@code base + index * SIZE}\n")
                .addStatement("return base + index * SIZE")
                .build());
        type.addMethod(MethodSpec.methodBuilder("freeArray")
                .addModifiers(API)
                .addParameter(long.class, "base")
                .addJavadoc("Frees an array from {@link #allocArray(long)}; {@code 0} is ignored.\n\n")
                .addJavadoc("@param base the array's address\n")
                .addJavadoc("@throws io.gmalloc.InvalidFreeException if {@code base} is not a live gmalloc block\n")
                .addStatement("$T.gfree(base)", Names.GMALLOC)
                .build());
    }

    /**
     * {@code alloc(Region)}, {@code alloc(Region, value)} and {@code allocArray(Region, count)} (docs/design.md §2a):
     * the same blocks as the plain overloads, owned by a region and freed with it. A special bucket allocates from
     * an arena of its stride that belongs to the region.
     */
    private void addRegionOverloads(TypeSpec.Builder type) {
        String name = struct.type().simpleName();
        String regionParam = "@param region an open region of the calling thread\n";
        String regionThrows = "@throws WrongThreadException if the caller is not the thread that opened {@code region}\n"
                + "@throws IllegalStateException if {@code region} is closed\n";
        MethodSpec.Builder alloc = MethodSpec.methodBuilder("alloc")
                .addModifiers(API)
                .returns(long.class)
                .addParameter(Names.REGION, "region")
                .addJavadoc("Allocates a zeroed {@code $L} block in {@code region}: it is freed when the region closes, "
                        + "or earlier with {@link #free(long)}.\n\n", name)
                .addJavadoc(regionParam)
                .addJavadoc("@return the block's address\n")
                .addJavadoc(regionThrows);
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
                    .addJavadoc("Allocates a block in {@code region} and stores {@code value} in it.\n\n")
                    .addJavadoc(regionParam)
                    .addJavadoc("@param value the record to copy off-heap\n")
                    .addJavadoc("@return the block's address\n")
                    .addJavadoc("@throws NullPointerException if {@code value} or a nested record in it is null "
                            + "(the block is freed again)\n")
                    .addJavadoc(regionThrows)
                    .addStatement("long address = alloc(region)")
                    .beginControlFlow("try")
                    .addStatement("store(address, value)")
                    .nextControlFlow("catch (RuntimeException e)")
                    .addStatement("free(address)")
                    .addStatement("throw e")
                    .endControlFlow()
                    .addStatement("return address")
                    .build());
        }
        type.addMethod(MethodSpec.methodBuilder("allocArray")
                .addModifiers(API)
                .returns(long.class)
                .addParameter(Names.REGION, "region")
                .addParameter(long.class, "count")
                .addJavadoc("Allocates a zeroed array of {@code count} contiguous {@code $L} structs in {@code region}, "
                        + "as one block of the region, freed when it closes or with {@link #freeArray(long)}.\n\n", name)
                .addJavadoc(regionParam)
                .addJavadoc("@param count number of elements, not negative\n")
                .addJavadoc("@return the address of element 0\n")
                .addJavadoc("@throws IllegalArgumentException if {@code count} is negative or {@code count * SIZE} "
                        + "overflows\n")
                .addJavadoc(regionThrows)
                .addStatement("return region.gcalloc(count, SIZE)")
                .build());
    }

    private void addWholeRecordAccess(TypeSpec.Builder type) {
        List<CodeBlock> reads = new ArrayList<>();
        CodeBlock.Builder writes = CodeBlock.builder();
        for (FieldModel field : struct.fields()) {
            CodeBlock at = CodeBlock.of("address + $L", offset(field));
            reads.add(read(field, at));
            writes.add(write(field, at, CodeBlock.of("value.$L()", field.name())));
        }
        type.addMethod(MethodSpec.methodBuilder("load")
                .addModifiers(API)
                .returns(recordType)
                .addParameter(long.class, "address")
                .addJavadoc("Reads the whole {@code $L} at {@code address} into a new record.\n\n",
                        struct.type().simpleName())
                .addJavadoc(ADDRESS_PARAM)
                .addJavadoc("@return a heap copy\n")
                .addCode(check())
                .addStatement("return new $T(\n$L)", recordType, CodeBlock.join(reads, ",\n"))
                .build());
        type.addMethod(MethodSpec.methodBuilder("store")
                .addModifiers(API)
                .addParameter(long.class, "address")
                .addParameter(recordType, "value")
                .addJavadoc("Writes every component of {@code value} to the {@code $L} at {@code address}.\n\n",
                        struct.type().simpleName())
                .addJavadoc(ADDRESS_PARAM)
                .addJavadoc("@param value the record to copy\n")
                .addJavadoc("@throws NullPointerException if {@code value} or a nested record in it is null\n")
                .addCode(check())
                .addCode(writes.build())
                .build());
    }

    private static final String ADDRESS_PARAM =
            "@param address a live block from {@link #alloc()}, or the address of a nested struct of this type\n";

    // ---- per-component accessors ---------------------------------------------------------------------------

    private void addAccessors(TypeSpec.Builder type, FieldModel field) {
        CodeBlock at = CodeBlock.of("address + $L", offset(field));
        String where = "{@code " + field.declaration() + "} (offset " + field.offsetBytes() + ")";
        TypeName javaType = javaType(field);
        type.addMethod(MethodSpec.methodBuilder(field.name())
                .addModifiers(API)
                .returns(javaType)
                .addParameter(long.class, "address")
                .addJavadoc("Reads $L$L.\n\n", where, field.kind() == FieldKind.STRUCT ? " into a new record" : "")
                .addJavadoc(ADDRESS_PARAM)
                .addJavadoc("@return the component's value\n")
                .addCode(check())
                .addStatement("return $L", read(field, at))
                .build());
        type.addMethod(MethodSpec.methodBuilder(field.name())
                .addModifiers(API)
                .addParameter(long.class, "address")
                .addParameter(javaType, "value")
                .addJavadoc("Writes $L.\n\n", where)
                .addJavadoc(ADDRESS_PARAM)
                .addJavadoc("@param value the new value\n")
                .addCode(check())
                .addCode(write(field, at, CodeBlock.of("value")))
                .build());
        if (field.kind() == FieldKind.STRUCT) {
            type.addMethod(MethodSpec.methodBuilder(field.name() + "Address")
                    .addModifiers(API)
                    .returns(long.class)
                    .addParameter(long.class, "address")
                    .addJavadoc("Returns the address of the nested $L, for the accessors of {@code $L}'s generated "
                            + "bucket class.\n\n", where, field.struct().type().simpleName())
                    .addJavadoc(ADDRESS_PARAM)
                    .addJavadoc("@return {@code address} plus the component's offset\n")
                    .addStatement("return address + $L", offset(field))
                    .build());
        }
    }

    private MethodSpec segment() {
        return MethodSpec.methodBuilder("segment")
                .addModifiers(API)
                .returns(MEMORY_SEGMENT)
                .addParameter(long.class, "address")
                .addJavadoc("Views the {@code $L} at {@code address} as a segment of {@code SIZE} bytes (global "
                        + "scope: it stays usable after {@link #free(long)}, like the raw address).\n\n",
                        struct.type().simpleName())
                .addJavadoc(ADDRESS_PARAM)
                .addJavadoc("@return a segment for use with {@link #LAYOUT}\n")
                .addCode(check())
                .addStatement("return MEMORY$$.asSlice(address, SIZE)")
                .build();
    }

    // ---- nested structs --------------------------------------------------------------------------------------

    private MethodSpec nestedLoad(StructModel nested) {
        List<CodeBlock> reads = new ArrayList<>();
        for (FieldModel field : nested.fields()) {
            reads.add(read(field, CodeBlock.of("address + $LL", field.offsetBytes())));
        }
        return MethodSpec.methodBuilder("load$" + helper(nested))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(className(nested.type()))
                .addParameter(long.class, "address")
                .addJavadoc("Reads a nested {@code $L} (no check: the caller checked the enclosing struct).\n\n",
                        nested.type().simpleName())
                .addJavadoc("@param address the nested struct's address\n")
                .addJavadoc("@return a heap copy\n")
                .addStatement("return new $T(\n$L)", className(nested.type()), CodeBlock.join(reads, ",\n"))
                .build();
    }

    private MethodSpec nestedStore(StructModel nested) {
        MethodSpec.Builder store = MethodSpec.methodBuilder("store$" + helper(nested))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(long.class, "address")
                .addParameter(className(nested.type()), "value")
                .addJavadoc("Writes a nested {@code $L} (no check: the caller checked the enclosing struct).\n\n",
                        nested.type().simpleName())
                .addJavadoc("@param address the nested struct's address\n")
                .addJavadoc("@param value the record to copy\n");
        for (FieldModel field : nested.fields()) {
            store.addCode(write(field, CodeBlock.of("address + $LL", field.offsetBytes()),
                    CodeBlock.of("value.$L()", field.name())));
        }
        return store.build();
    }

    // ---- code fragments ---------------------------------------------------------------------------------------

    private static CodeBlock check() {
        return CodeBlock.builder()
                .beginControlFlow("if (CHECKED$$)")
                .addStatement("$T.checkAccess(address, SIZE)", Names.GMALLOC)
                .endControlFlow()
                .build();
    }

    private CodeBlock read(FieldModel field, CodeBlock at) {
        return switch (field.kind()) {
            case STRUCT -> CodeBlock.of("load$$$L($L)", helper(field.struct()), at);
            case BOOLEAN -> CodeBlock.of("MEMORY$$.get($T.JAVA_BYTE, $L) != 0", VALUE_LAYOUT, at);
            default -> CodeBlock.of("MEMORY$$.get($T.$L, $L)", VALUE_LAYOUT, field.kind().accessLayoutConstant(), at);
        };
    }

    private CodeBlock write(FieldModel field, CodeBlock at, CodeBlock value) {
        return switch (field.kind()) {
            case STRUCT -> CodeBlock.builder().addStatement("store$$$L($L, $L)", helper(field.struct()), at, value).build();
            case BOOLEAN -> CodeBlock.builder()
                    .addStatement("MEMORY$$.set($T.JAVA_BYTE, $L, (byte) ($L ? 1 : 0))", VALUE_LAYOUT, at, value)
                    .build();
            default -> CodeBlock.builder()
                    .addStatement("MEMORY$$.set($T.$L, $L, $L)",
                            VALUE_LAYOUT, field.kind().accessLayoutConstant(), at, value)
                    .build();
        };
    }

    private TypeName javaType(FieldModel field) {
        return switch (field.kind()) {
            case BOOLEAN -> TypeName.BOOLEAN;
            case BYTE -> TypeName.BYTE;
            case SHORT -> TypeName.SHORT;
            case CHAR -> TypeName.CHAR;
            case INT -> TypeName.INT;
            case FLOAT -> TypeName.FLOAT;
            case LONG -> TypeName.LONG;
            case DOUBLE -> TypeName.DOUBLE;
            case STRUCT -> className(field.struct().type());
        };
    }

    private String helper(StructModel nested) {
        return helperNames.get(nested.type().canonicalName());
    }

    private static String offset(FieldModel field) {
        return field.name() + "$OFFSET";
    }

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
