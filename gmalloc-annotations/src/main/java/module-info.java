/**
 * The {@code @GMallocBucket} annotation and {@code @Generated} on the classes the processor writes; no dependencies,
 * retained in class files only.
 */
module io.gmalloc.annotations {
    exports io.gmalloc.annotations;
}
