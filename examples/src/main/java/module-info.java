/**
 * Runnable gmalloc demos: typed buckets generated from annotated records, and the general gmalloc/gfree API.
 * {@code java.compiler} is read (statically) only for the generated classes' source-retention {@code @Generated}.
 */
module io.gmalloc.examples {
    requires io.gmalloc.runtime;
    requires static io.gmalloc.annotations;
    requires static java.compiler;
    requires java.management;
}
