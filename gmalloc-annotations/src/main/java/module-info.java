/** {@code @GMallocBucket} and the component annotations of its struct vocabulary; no dependencies, class retention. */
module io.gmalloc.annotations {
    exports io.gmalloc.annotations;
}
