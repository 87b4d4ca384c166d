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
 * @param generatedAnnotation whether {@code javax.annotation.processing.Generated} is readable where the class goes
 */
public record BucketModel(
        StructModel struct, String generatedName, boolean dedicated, BucketKind bucketKind, boolean generatedAnnotation) {

    /**
     * Builds the model and applies the bucket rule.
     *
     * @param struct the record's layout
     * @param generatedName simple name of the generated class
     * @param dedicated the annotation's flag
     * @param generatedAnnotation whether {@code @Generated} can be used
     * @return the model
     */
    public static BucketModel of(
            StructModel struct, String generatedName, boolean dedicated, boolean generatedAnnotation) {
        return new BucketModel(
                struct,
                generatedName,
                dedicated,
                BucketKind.choose(struct.sizeBytes(), dedicated),
                generatedAnnotation);
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
