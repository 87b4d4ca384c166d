package io.gmalloc.processor.model;

import io.gmalloc.processor.Names;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Turns a validated {@code @GMallocBucket} record (or getter/setter interface) into plain model records, reading
 * each component's type and annotations once. Runs only after the validator found no error, so every component is
 * of a supported kind with a valid combination of annotations, and nesting is acyclic.
 */
public final class ModelExtractor {
    private final Elements elements;

    /** Struct of each record already extracted, by canonical name (a nested record is placed once). */
    private final Map<String, StructModel> structs = new HashMap<>();

    /**
     * Creates an extractor.
     *
     * @param elements the processing environment's element utilities
     */
    public ModelExtractor(Elements elements) {
        this.elements = elements;
    }

    /**
     * What extraction found about one annotated type: the model the renderer sees, and the elements the generated
     * class depends on (for incremental builds), which the model itself never holds.
     *
     * @param model the plain model
     * @param originatingElements the type itself, then every nested record and enum it uses, each once
     */
    public record Extraction(BucketModel model, List<TypeElement> originatingElements) {
        /** Copies the elements. */
        public Extraction {
            originatingElements = List.copyOf(new java.util.LinkedHashSet<>(originatingElements));
        }
    }

    /**
     * Reads everything about a validated type once: its struct, the annotation's flags, whether it is a flyweight
     * interface, whether {@code @Generated} is readable where the class goes, and the originating elements.
     *
     * @param type a validated record or interface
     * @param generatedName the generated class's simple name (the validator resolved it)
     * @param annotation the type's {@code @GMallocBucket}
     * @return the model and its originating elements
     */
    public Extraction bucket(TypeElement type, String generatedName, AnnotationMirror annotation) {
        StructModel struct = struct(type);
        BucketModel model = BucketModel.of(
                struct,
                generatedName,
                dedicated(annotation),
                generatedAnnotationReadable(),
                type.getKind() == ElementKind.INTERFACE);
        List<TypeElement> originating = new ArrayList<>();
        originating.add(type);
        addNestedOriginatingElements(originating, struct);
        return new Extraction(model, originating);
    }

    /** Nested records and enums shape the generated code too: a change to one must regenerate the class. */
    private void addNestedOriginatingElements(List<TypeElement> originating, StructModel struct) {
        Deque<StructModel> pending = new ArrayDeque<>();
        pending.add(struct);
        while (!pending.isEmpty()) {
            for (FieldModel field : pending.removeFirst().fields()) {
                if (field.type().enumType() != null) {
                    addElement(originating, field.type().enumType().type());
                }
                if (field.struct() != null) {
                    addElement(originating, field.struct().type());
                    pending.add(field.struct());
                }
            }
        }
    }

    private void addElement(List<TypeElement> originating, RecordRef ref) {
        TypeElement element = elements.getTypeElement(ref.canonicalName());
        if (element != null) {
            originating.add(element);
        }
    }

    private boolean dedicated(AnnotationMirror annotation) {
        return elements.getElementValuesWithDefaults(annotation).entrySet().stream()
                .filter(e -> e.getKey().getSimpleName().contentEquals("dedicated"))
                .anyMatch(e -> Boolean.TRUE.equals(e.getValue().getValue()));
    }

    /**
     * {@code @io.gmalloc.annotations.Generated} sits next to {@code @GMallocBucket}, so every module that uses one
     * reads the other; it is missing only from an annotations jar older than the processor, and then left out.
     */
    private boolean generatedAnnotationReadable() {
        return elements.getTypeElement(Names.GENERATED) != null;
    }

    /**
     * Extracts a record's struct, nested records inlined.
     *
     * @param record a valid record
     * @return its layout
     */
    public StructModel struct(TypeElement record) {
        String key = record.getQualifiedName().toString();
        StructModel known = structs.get(key);
        if (known != null) {
            return known;
        }
        boolean typeBigEndian = Annotations.find(record, Names.BIG_ENDIAN) != null;
        List<StructModel.Declared> components = new ArrayList<>();
        for (Components.Component component : Components.of(record)) {
            components.add(new StructModel.Declared(component.name(), fieldType(component, typeBigEndian, key)));
        }
        StructModel placed = StructModel.place(recordRef(record), components);
        structs.put(key, placed);
        return placed;
    }

    /** Reads a component's type and annotations once; the validator has checked every combination. */
    private FieldType fieldType(Components.Component component, boolean typeBigEndian, String owner) {
        Element element = component.element();
        AnnotationMirror length = Annotations.find(element, Names.LENGTH);
        AnnotationMirror utf8 = Annotations.find(element, Names.UTF8);
        boolean atomic = Annotations.find(element, Names.ATOMIC) != null;
        boolean bigEndian = Annotations.find(element, Names.BIG_ENDIAN) != null || (typeBigEndian && !atomic);
        TypeMirror type = component.type();
        int n = 0;
        if (type.getKind() == TypeKind.ARRAY) {
            type = ((ArrayType) type).getComponentType();
            n = Annotations.intValue(length);
        }
        if (type.getKind().isPrimitive()) {
            FieldKind kind = FieldKind.ofPrimitive(type.toString());
            return new FieldType(kind, null, null, n, bigEndian && kind.sizeBytes() > 1, atomic);
        }
        if (type.getKind() == TypeKind.DECLARED) {
            TypeElement declared = (TypeElement) ((DeclaredType) type).asElement();
            if (declared.getKind() == ElementKind.ENUM) {
                int constants = (int) declared.getEnclosedElements().stream()
                        .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
                        .count();
                return new FieldType(
                        FieldKind.ENUM, null, new EnumModel(recordRef(declared), constants), n, false, false);
            }
            if (utf8 != null) {
                return new FieldType(FieldKind.UTF8, null, null, Annotations.intValue(utf8), false, false);
            }
            return new FieldType(FieldKind.STRUCT, struct(declared), null, n, false, false);
        }
        throw new IllegalStateException("unvalidated component " + component.name() + " of " + owner + ": " + type);
    }

    /**
     * Names a type without javax.lang.model.
     *
     * @param type a class, interface or record, possibly nested
     * @return its package and simple names
     */
    public RecordRef recordRef(TypeElement type) {
        Deque<String> names = new ArrayDeque<>();
        Element e = type;
        while (e.getKind() != ElementKind.PACKAGE) {
            names.addFirst(e.getSimpleName().toString());
            e = e.getEnclosingElement();
        }
        PackageElement pkg = elements.getPackageOf(type);
        return new RecordRef(pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString(), List.copyOf(names));
    }
}
