package io.gmalloc.processor.model;

import java.util.List;

/**
 * A record as a C struct: its components with offsets, its size and alignment.
 *
 * @param type the record
 * @param fields components in declaration order, offsets increasing
 * @param sizeBytes size including trailing padding, a multiple of {@code alignment}
 * @param alignment largest component alignment
 * @param paddingBeforeBytes padding before each field, in field order, as {@link LayoutPlanner} decided it
 * @param trailingPaddingBytes padding after the last field
 */
public record StructModel(
        RecordRef type,
        List<FieldModel> fields,
        long sizeBytes,
        long alignment,
        List<Long> paddingBeforeBytes,
        long trailingPaddingBytes) {
    /** Copies the lists. */
    public StructModel {
        fields = List.copyOf(fields);
        paddingBeforeBytes = List.copyOf(paddingBeforeBytes);
        if (paddingBeforeBytes.size() != fields.size()) {
            throw new IllegalArgumentException(type.canonicalName() + ": one padding per field");
        }
    }

    /**
     * Places components with {@link LayoutPlanner}.
     *
     * @param type the record
     * @param components each component's name, kind and nested struct (null unless {@link FieldKind#STRUCT})
     * @return the placed struct
     */
    public static StructModel place(RecordRef type, List<FieldModel> components) {
        LayoutPlanner.Plan plan = LayoutPlanner.plan(components.stream()
                .map(f -> new LayoutPlanner.Member(f.name(), f.sizeBytes(), f.alignment()))
                .toList());
        List<FieldModel> placed = new java.util.ArrayList<>(components.size());
        for (int i = 0; i < components.size(); i++) {
            FieldModel f = components.get(i);
            placed.add(new FieldModel(f.name(), f.kind(), plan.offsets().get(i), f.struct()));
        }
        return new StructModel(type, placed, plan.sizeBytes(), plan.alignment(), plan.paddingBeforeBytes(),
                plan.trailingPaddingBytes());
    }
}
