package io.gmalloc.processor.validate;

import javax.tools.Diagnostic.Kind;

/**
 * Every message the processor prints: a stable bracketed id (tests match it, so rewording a message breaks
 * nothing), a kind, and a format that tells the user what to change. Parts of messages that vary with the case
 * (why a type is inaccessible, why a nested record cannot be inlined) are the {@link Detail} constants below, so
 * all message text lives in this file.
 */
public enum Problem {
    /** {@code @GMallocBucket} on a class, enum or annotation type. */
    NOT_RECORD(
            Kind.ERROR,
            "GMallocBucketNotRecord",
            "@GMallocBucket applies to records (and interfaces of getter/setter pairs), but %s is %s; declare it as "
                    + "a record with primitive components, e.g. record %s(float x, float y) {}"),
    /** A record with type parameters. */
    GENERIC_RECORD(
            Kind.ERROR,
            "GMallocBucketGeneric",
            "record %s declares type parameter %s, but an off-heap struct needs one fixed layout; remove the type "
                    + "parameters and give each component a concrete primitive or @GMallocBucket record type"),
    /** A component type that cannot be stored off-heap (none of the cases below). */
    UNSUPPORTED_COMPONENT(
            Kind.ERROR,
            "GMallocBucketUnsupportedComponent",
            "component '%s' has type %s, which cannot be stored off-heap: only primitives, enums, @GMallocBucket "
                    + "records, @Length arrays and @Utf8 strings can; keep object references on the Java heap and "
                    + "store an index or an address as an int or long"),
    /** A boxed primitive. */
    BOXED_COMPONENT(
            Kind.ERROR,
            "GMallocBucketBoxedComponent",
            "component '%s' has type %s, but off-heap memory has no null or object identity; use the primitive %s "
                    + "instead"),
    /** A record that is not annotated. */
    PLAIN_RECORD_COMPONENT(
            Kind.ERROR,
            "GMallocBucketPlainRecordComponent",
            "component '%s' has type %s, a record without @GMallocBucket; annotate record %s with @GMallocBucket "
                    + "to inline it as a nested struct"),
    /** A {@code String} without {@code @Utf8}. */
    STRING_WITHOUT_UTF8(
            Kind.ERROR,
            "GMallocBucketStringWithoutUtf8",
            "component '%s' is a String, which has no fixed size; annotate it @Utf8(n) to store up to n bytes of "
                    + "UTF-8 inline (C: char %s[n]), or store an int id that indexes a Java-side table"),
    /** An array without {@code @Length}. */
    ARRAY_WITHOUT_LENGTH(
            Kind.ERROR,
            "GMallocBucketArrayWithoutLength",
            "component '%s' is an array (%s), but a struct holds a fixed number of elements; annotate it "
                    + "@Length(n) (C: %s %s[n]), or allocate the array as its own gmalloc block and store its "
                    + "address in a long component"),
    /** An array whose elements are not primitives or {@code @GMallocBucket} records. */
    UNSUPPORTED_ARRAY_ELEMENT(
            Kind.ERROR,
            "GMallocBucketUnsupportedArrayElement",
            "component '%s' is an array of %s; @Length arrays hold primitives or @GMallocBucket records only (one "
                    + "dimension); store enums as a byte[] of ordinals, or annotate the element record"),
    /** {@code @Length} on something that is not an array. */
    LENGTH_NOT_ARRAY(
            Kind.ERROR,
            "GMallocBucketLengthNotArray",
            "component '%s' has type %s, but @Length applies to arrays only (@Length(n) int[] %s); remove it, or "
                    + "use @Utf8(n) for a String"),
    /** {@code @Utf8} on something that is not a {@code String}. */
    UTF8_NOT_STRING(
            Kind.ERROR,
            "GMallocBucketUtf8NotString",
            "component '%s' has type %s, but @Utf8 applies to String components only (@Utf8(n) String %s); "
                    + "remove it, or use @Length(n) for an array"),
    /** {@code @Length(n)} or {@code @Utf8(n)} with {@code n <= 0}. */
    SIZE_NOT_POSITIVE(
            Kind.ERROR,
            "GMallocBucketSizeNotPositive",
            "component '%s' has @%s(%d), but a struct member needs at least one element; give a positive %s"),
    /** {@code @Atomic} on something other than {@code int} or {@code long}. */
    ATOMIC_NOT_INT_OR_LONG(
            Kind.ERROR,
            "GMallocBucketAtomicType",
            "component '%s' has type %s, but @Atomic applies to int and long components only (the types with "
                    + "atomic VarHandle access modes); make it an int or long, or remove @Atomic"),
    /** {@code @BigEndian} and {@code @Atomic} on one component. */
    BIG_ENDIAN_WITH_ATOMIC(
            Kind.ERROR,
            "GMallocBucketBigEndianAtomic",
            "component '%s' is @Atomic in a big-endian %s, but atomic accessors use the CPU's native byte order; "
                    + "remove one of the two (put @BigEndian on the other components one by one)"),
    /** {@code @BigEndian} on a component with no byte order. */
    BIG_ENDIAN_NOT_MULTIBYTE(
            Kind.ERROR,
            "GMallocBucketBigEndianType",
            "component '%s' has type %s, which has no byte order of its own; @BigEndian applies to short, char, "
                    + "int, float, long and double components and arrays of them (a nested record keeps the byte "
                    + "order of its own declaration); remove it"),
    /** Nested records that contain each other. */
    NESTING_CYCLE(
            Kind.ERROR,
            "GMallocBucketNestingCycle",
            "component '%s' makes the nested records contain themselves (%s), which would be an infinitely large "
                    + "struct; break the cycle, e.g. store the other block's address as a long"),
    /** A nested record (or enum) whose own declaration has errors or cannot be used from here. */
    NESTED_INVALID(
            Kind.ERROR, "GMallocBucketNestedInvalid", "component '%s' has type %s, which cannot be used here: %s"),
    /** A private (or private-enclosed) record, which the generated class could not use. */
    NOT_ACCESSIBLE(
            Kind.ERROR,
            "GMallocBucketNotAccessible",
            "record %s is not accessible from package %s (%s), so the generated %s could not use it; make it "
                    + "package-private or public, as a top-level record or a member of an accessible class"),
    /** A record without components, or an interface without getter/setter pairs. */
    EMPTY_RECORD(
            Kind.ERROR,
            "GMallocBucketEmptyRecord",
            "%s %s has no components, and a struct needs at least one; add a primitive or @GMallocBucket "
                    + "record component"),
    /** An interface method that is neither a getter nor a setter. */
    INTERFACE_METHOD(
            Kind.ERROR,
            "GMallocBucketInterfaceMethod",
            "method %s is neither a getter T %s() nor a setter void %s(T value); make it a default method or "
                    + "remove it (an @GMallocBucket interface declares getter/setter pairs such as float x() and "
                    + "void x(float value))"),
    /** A getter without its setter. */
    GETTER_WITHOUT_SETTER(
            Kind.ERROR, "GMallocBucketGetterWithoutSetter", "getter %s() has no setter; add void %s(%s value)"),
    /** A setter without its getter. */
    SETTER_WITHOUT_GETTER(
            Kind.ERROR,
            "GMallocBucketSetterWithoutGetter",
            "setter %s(%s) has no getter of the same type; add %s %s()"),
    /** An interface that extends another. */
    INTERFACE_EXTENDS(
            Kind.ERROR,
            "GMallocBucketInterfaceExtends",
            "interface %s extends %s; declare every getter/setter pair in the annotated interface itself"),
    /** A sealed interface. */
    INTERFACE_SEALED(
            Kind.ERROR,
            "GMallocBucketInterfaceSealed",
            "interface %s is sealed, but the generated Ref must implement it; remove 'sealed'"),
    /** The generated class name is taken. */
    NAME_CLASH(
            Kind.ERROR,
            "GMallocBucketNameClash",
            "the generated class %s would clash with %s; choose another name with @GMallocBucket(name = \"...\")"),
    /** A component whose accessor would clash with a generated method. */
    COMPONENT_NAME_CLASH(
            Kind.ERROR,
            "GMallocBucketComponentNameClash",
            "component '%s' would generate accessor %s(long), which clashes with %s in the generated %s; rename the "
                    + "component"),
    /** Two array components whose length constants would have the same name. */
    LENGTH_CONSTANT_CLASH(
            Kind.ERROR,
            "GMallocBucketLengthConstantClash",
            "component '%s' would generate constant %s, which component '%s' generates too; rename one of them"),
    /** {@code name} is not a Java identifier. */
    INVALID_NAME(
            Kind.ERROR,
            "GMallocBucketInvalidName",
            "name \"%s\" is not a valid class name; use a simple Java identifier (no dots, no keywords), e.g. "
                    + "@GMallocBucket(name = \"%sBucket\"), or leave name empty for the default"),
    /** A struct above the special buckets' stride limit. */
    TOO_LARGE(
            Kind.WARNING,
            "GMallocBucketTooLarge",
            "record %s is %d bytes, above the 65536-byte limit of special buckets; its blocks will come from the "
                    + "system allocator (slower, page-granular); split it into smaller records if many are allocated"),
    /** The Filer could not write the generated source. */
    WRITE_FAILED(Kind.ERROR, "GMallocBucketWriteFailed", "could not write %s: %s");

    /** The varying part of a message: why a type cannot be used, what another name clashes with. */
    public enum Detail {
        /** Enclosed by something other than a type. */
        DECLARED_INSIDE("it is declared inside %s %s"),
        /** A local record. */
        LOCAL("it is a local record"),
        /** Enclosed by a local class. */
        INSIDE_LOCAL("it is declared inside local class %s"),
        /** Private. */
        PRIVATE("it is private"),
        /** Enclosed by a private type. */
        INSIDE_PRIVATE("it is declared inside private %s"),
        /** Not public, used from another package. */
        NOT_PUBLIC("it is not public"),
        /** Enclosed by a non-public type, used from another package. */
        INSIDE_NOT_PUBLIC("it is declared inside non-public %s"),
        /** Two annotated types want one generated name. */
        CLAIMED("the class generated for another @GMallocBucket record"),
        /** A type of the generated name exists. */
        EXISTING("an existing type of that name (%s)"),
        /** A component accessor would clash with the address accessor of another. */
        ADDRESS_ACCESSOR("%s(long), the address accessor of a nested record or array component"),
        /** A component accessor would clash with an atomic accessor of another. */
        ATOMIC_ACCESSOR("%s(long), an atomic accessor of an @Atomic component"),
        /** Nesting in a nested record loops. */
        NESTED_CYCLE("records nested in %s contain themselves; fix the @GMallocBucket errors of %s"),
        /** A nested record is generic. */
        NESTED_GENERIC("%s is generic; fix the @GMallocBucket errors of %s"),
        /** A nested record has no components. */
        NESTED_EMPTY("%s has no components; fix the @GMallocBucket errors of %s"),
        /** A nested record or enum is not accessible. */
        NESTED_NOT_ACCESSIBLE("%s is not accessible from package %s (%s); make it public"),
        /** A nested record has a bad component. */
        NESTED_COMPONENT("its component '%s' cannot be stored; fix the @GMallocBucket errors of %s");

        private final String format;

        Detail(String format) {
            this.format = format;
        }

        /**
         * Formats the detail.
         *
         * @param args the format's arguments
         * @return the text, to be passed as an argument of a {@link Problem}
         */
        public String format(Object... args) {
            return String.format(format, args);
        }
    }

    private final Kind kind;
    private final String id;
    private final String format;

    Problem(Kind kind, String id, String format) {
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
