/** The {@code @GMallocBucket} annotation; no dependencies, retained in class files only. */
module io.gmalloc.annotations {
    exports io.gmalloc.annotations;
}
