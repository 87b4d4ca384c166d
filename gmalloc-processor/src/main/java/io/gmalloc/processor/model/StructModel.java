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
 */
public record StructModel(RecordRef type, List<FieldModel> fields, long sizeBytes, long alignment) {
    /** Copies the fields. */
    public StructModel {
        fields = List.copyOf(fields);
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
                .map(c -> new LayoutPlanner.Member(c.name(), c.type().sizeBytes(), c.type().alignment()))
                .toList());
        List<FieldModel> placed = new ArrayList<>(components.size());
        long end = 0;
        for (int i = 0; i < components.size(); i++) {
            Declared c = components.get(i);
            long offset = plan.offsets().get(i);
            FieldModel field = new FieldModel(c.name(), c.type(), offset, offset - end);
            placed.add(field);
            end = field.endBytes();
        }
        return new StructModel(type, placed, plan.sizeBytes(), plan.alignment());
    }

    /**
     * Returns the padding after the last component.
     *
     * @return bytes between the last component's end and {@code sizeBytes}
     */
    public long trailingPaddingBytes() {
        return sizeBytes - fields.getLast().endBytes();
    }
}
