/**
 * The {@code @GMallocBucket} annotation, the component annotations of its struct vocabulary ({@code @Length},
 * {@code @Utf8}, {@code @BigEndian}, {@code @Atomic}) and {@code @Generated} on the classes the processor writes; no
 * dependencies, retained in class files only.
 */
module io.gmalloc.annotations {
    exports io.gmalloc.annotations;
}
