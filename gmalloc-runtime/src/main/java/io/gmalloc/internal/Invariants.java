package io.gmalloc.internal;

/**
 * The second debug tier: a walker that checks a heap's whole bookkeeping against its bitmaps, behind the
 * {@code static final} flag {@code -Dgmalloc.verify=true} (the first tier is {@code assert}s of cheap local facts;
 * the test suite runs with both on). Off, {@link #ON} folds every call site away.
 *
 * <p>After a slow path it walks the bucket's Arenarray, after a trim the whole heap. What it checks: every slab it lists is owned by it and found by the registry at both ends; each
 * slab's state matches its membership of the available list (exactly once when {@code AVAILABLE}, else never);
 * exactly the heap's current slab is {@code CURRENT}; no block is both in F and in L; a slab that is not current counts as {@code used} the
 * blocks in neither; no free block lies below the cursor word; the high-water mark lies within the slab.
 */
final class Invariants {
    private Invariants() {}

    /** {@code -Dgmalloc.verify=true}: walk after every slow path and trim. */
    static final boolean ON = Options.VERIFY;

    /** Throws {@link AssertionError} naming the first inconsistency found. Owner of {@code heap} only. */
    static void check(Heap heap) {
        fail(heap.inconsistency());
    }

    /** {@link #check(Heap)} for one bucket's Arenarray, whose heap's current slab is {@code current}. */
    static void check(Arenarray arenarray, Slab current) {
        fail(arenarray.inconsistency(current));
    }

    private static void fail(String problem) {
        if (problem != null) {
            throw new AssertionError("gmalloc invariant broken: " + problem);
        }
    }
}
