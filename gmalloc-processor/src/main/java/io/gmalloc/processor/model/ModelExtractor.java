package io.gmalloc.processor.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Turns a validated {@code @GMallocBucket} record (or getter/setter interface) into plain model records. Runs only after the validator found no
 * error, so every component is a primitive or a valid nested record and nesting is acyclic.
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
        List<FieldModel> components = new ArrayList<>();
        for (Components.Component component : Components.of(record)) {
            String name = component.name();
            TypeMirror type = component.type();
            if (type.getKind().isPrimitive()) {
                FieldKind kind = FieldKind.ofPrimitive(type.toString());
                components.add(new FieldModel(name, kind, 0, null));
            } else if (type.getKind() == TypeKind.DECLARED) {
                TypeElement nested = (TypeElement) ((DeclaredType) type).asElement();
                components.add(new FieldModel(name, FieldKind.STRUCT, 0, struct(nested)));
            } else {
                throw new IllegalStateException("unvalidated component " + name + " of " + key + ": " + type);
            }
        }
        StructModel placed = StructModel.place(recordRef(record), components);
        structs.put(key, placed);
        return placed;
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
