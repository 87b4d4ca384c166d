/** Runnable gmalloc demos: typed buckets generated from annotated records, and the general gmalloc/gfree API. */
module io.gmalloc.examples {
    requires io.gmalloc.runtime;
    requires static io.gmalloc.annotations;
    requires java.management;
}
