package io.gmalloc.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the renderer needs for one {@code @GMallocBucket} record; plain data, no javax.lang.model.
 *
 * @param struct the record's layout
 * @param generatedName simple name of the generated class, in the record's package
 * @param dedicated the annotation's {@code dedicated} flag
 * @param bucketKind where blocks come from ({@link BucketKind#choose})
 * @param generatedAnnotation whether {@code io.gmalloc.annotations.Generated} is on the compilation's path
 * @param flyweight the annotated type is an interface of getter/setter pairs: no record to load or store, a
 *     generated {@code Ref} implements the interface over an address instead
 */
public record BucketModel(
        StructModel struct,
        String generatedName,
        boolean dedicated,
        BucketKind bucketKind,
        boolean generatedAnnotation,
        boolean flyweight) {

    /**
     * Builds the model and applies the bucket rule.
     *
     * @param struct the record's layout
     * @param generatedName simple name of the generated class
     * @param dedicated the annotation's flag
     * @param generatedAnnotation whether {@code @Generated} can be used
     * @param flyweight whether the annotated type is an interface
     * @return the model
     */
    public static BucketModel of(
            StructModel struct,
            String generatedName,
            boolean dedicated,
            boolean generatedAnnotation,
            boolean flyweight) {
        return new BucketModel(
                struct,
                generatedName,
                dedicated,
                BucketKind.choose(struct.sizeBytes(), dedicated),
                generatedAnnotation,
                flyweight);
    }

    /**
     * Returns the distinct nested structs, innermost first (each appears after every struct it contains).
     *
     * @return nested record structs, not including {@link #struct()} itself
     */
    public List<StructModel> nestedStructs() {
        Map<String, StructModel> seen = new LinkedHashMap<>();
        collect(struct, seen);
        seen.remove(struct.type().canonicalName());
        return new ArrayList<>(seen.values());
    }

    private static void collect(StructModel s, Map<String, StructModel> seen) {
        for (FieldModel f : s.fields()) {
            if (f.struct() != null) {
                collect(f.struct(), seen);
            }
        }
        seen.putIfAbsent(s.type().canonicalName(), s);
    }
}
