package io.gmalloc.processor.model;

import java.util.List;

/**
 * A record type by name, without javax.lang.model.
 *
 * @param packageName package, empty for the unnamed package
 * @param simpleNames simple names from the top-level type down to the record, e.g. {@code [Outer, Vec3]}
 */
public record RecordRef(String packageName, List<String> simpleNames) {
    /** Copies the names. */
    public RecordRef {
        simpleNames = List.copyOf(simpleNames);
        if (simpleNames.isEmpty()) {
            throw new IllegalArgumentException("a type needs a name");
        }
    }

    /**
     * Returns the record's own simple name.
     *
     * @return e.g. {@code "Vec3"}
     */
    public String simpleName() {
        return simpleNames.getLast();
    }

    /**
     * Returns the canonical name.
     *
     * @return e.g. {@code "com.example.Outer.Vec3"}
     */
    public String canonicalName() {
        String nested = String.join(".", simpleNames);
        return packageName.isEmpty() ? nested : packageName + "." + nested;
    }
}
