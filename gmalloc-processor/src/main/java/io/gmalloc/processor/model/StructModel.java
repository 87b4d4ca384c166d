package io.gmalloc.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A record as a C struct: its components with offsets and padding, its size and alignment.
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
     * A component before placement.
     *
     * @param name component name
     * @param type what it stores
     */
    public record Declared(String name, FieldType type) {}

    /**
     * Places components with {@link LayoutPlanner}; the only place {@link FieldModel}s are made.
     *
     * @param type the record
     * @param components each component's name and type, in declaration order
     * @return the placed struct
     */
    public static StructModel place(RecordRef type, List<Declared> components) {
        LayoutPlanner.Plan plan = LayoutPlanner.plan(components.stream()
                .map(c -> new LayoutPlanner.Member(
                        c.name(), c.type().sizeBytes(), c.type().alignment()))
                .toList());
        List<FieldModel> placed = new ArrayList<>(components.size());
        for (int i = 0; i < components.size(); i++) {
            Declared c = components.get(i);
            placed.add(new FieldModel(
                    c.name(),
                    c.type(),
                    plan.offsets().get(i),
                    plan.paddingBeforeBytes().get(i)));
        }
        return new StructModel(
                type,
                placed,
                plan.sizeBytes(),
                plan.alignment(),
                plan.paddingBeforeBytes(),
                plan.trailingPaddingBytes());
    }
}
