/** gmalloc benchmarks. */
module io.gmalloc.benchmarks {
    requires io.gmalloc.runtime;
}
