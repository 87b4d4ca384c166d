package io.gmalloc.processor.validate;

import javax.tools.Diagnostic.Kind;

/**
 * Every message the processor prints: a stable bracketed id (tests match it, so rewording a message breaks
 * nothing), a kind, and a format that tells the user what to change.
 */
public enum Diagnostic {
    /** {@code @GMallocBucket} on a class, interface, enum or annotation type. */
    NOT_RECORD(Kind.ERROR, "GMallocBucketNotRecord",
            "@GMallocBucket applies to records (and interfaces of getter/setter pairs), but %s is %s; declare it as "
                    + "a record with primitive components, e.g. record %s(float x, float y) {}"),
    /** A record with type parameters. */
    GENERIC_RECORD(Kind.ERROR, "GMallocBucketGeneric",
            "record %s declares type parameter %s, but an off-heap struct needs one fixed layout; remove the type "
                    + "parameters and give each component a concrete primitive or @GMallocBucket record type"),
    /** A component type that cannot be stored off-heap. */
    UNSUPPORTED_COMPONENT(Kind.ERROR, "GMallocBucketUnsupportedComponent",
            "component '%s' has type %s, which cannot be stored off-heap: %s"),
    /** Nested records that contain each other. */
    NESTING_CYCLE(Kind.ERROR, "GMallocBucketNestingCycle",
            "component '%s' makes the nested records contain themselves (%s), which would be an infinitely large "
                    + "struct; break the cycle, e.g. store the other block's address as a long"),
    /** A nested record whose own declaration has errors or cannot be used from here. */
    NESTED_INVALID(Kind.ERROR, "GMallocBucketNestedInvalid",
            "component '%s' has type %s, which cannot be inlined here: %s"),
    /** A private (or private-enclosed) record, which the generated class could not use. */
    NOT_ACCESSIBLE(Kind.ERROR, "GMallocBucketNotAccessible",
            "record %s is not accessible from package %s (%s), so the generated %s could not use it; make it "
                    + "package-private or public, as a top-level record or a member of an accessible class"),
    /** A record without components, or an interface without getter/setter pairs. */
    EMPTY_RECORD(Kind.ERROR, "GMallocBucketEmptyRecord",
            "%s %s has no components, and a struct needs at least one; add a primitive or @GMallocBucket "
                    + "record component"),
    /** An interface that is not a plain set of getter/setter pairs. */
    INTERFACE_METHOD(Kind.ERROR, "GMallocBucketInterfaceMethod",
            "%s (an @GMallocBucket interface declares getter/setter pairs such as float x() and void x(float "
                    + "value); default and static methods are fine)"),
    /** The generated class name is taken. */
    NAME_CLASH(Kind.ERROR, "GMallocBucketNameClash",
            "the generated class %s would clash with %s; choose another name with @GMallocBucket(name = \"...\")"),
    /** A component whose accessor would clash with a generated method. */
    COMPONENT_NAME_CLASH(Kind.ERROR, "GMallocBucketComponentNameClash",
            "component '%s' would generate accessor %s(long), which clashes with %s in the generated %s; rename the "
                    + "component"),
    /** {@code name} is not a Java identifier. */
    INVALID_NAME(Kind.ERROR, "GMallocBucketInvalidName",
            "name \"%s\" is not a valid class name; use a simple Java identifier (no dots, no keywords), e.g. "
                    + "@GMallocBucket(name = \"%sBucket\"), or leave name empty for the default"),
    /** A struct above the special buckets' stride limit. */
    TOO_LARGE(Kind.WARNING, "GMallocBucketTooLarge",
            "record %s is %d bytes, above the 65536-byte limit of special buckets; its blocks will come from the "
                    + "system allocator (slower, page-granular); split it into smaller records if many are allocated");

    private final Kind kind;
    private final String id;
    private final String format;

    Diagnostic(Kind kind, String id, String format) {
        this.kind = kind;
        this.id = id;
        this.format = format;
    }

    /**
     * Returns the diagnostic kind javac reports.
     *
     * @return ERROR or WARNING
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the stable id, bracketed in every message.
     *
     * @return e.g. {@code "GMallocBucketNotRecord"}
     */
    public String id() {
        return id;
    }

    /**
     * Formats the message.
     *
     * @param args the format's arguments
     * @return {@code [Id] message}
     */
    public String format(Object... args) {
        return "[" + id + "] " + String.format(format, args);
    }
}
