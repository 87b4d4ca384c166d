/** Runnable gmalloc demos. */
module io.gmalloc.examples {
    requires io.gmalloc.runtime;
}
