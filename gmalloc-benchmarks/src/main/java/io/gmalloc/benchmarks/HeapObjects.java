package io.gmalloc.benchmarks;

/** Heap equivalents of the off-heap blocks, for the {@code new} baselines. */
public final class HeapObjects {
    private HeapObjects() {}

    /** 8 payload bytes. */
    public record L1(long a) {}

    /** 16 payload bytes. */
    public record L2(long a, long b) {}

    /** A mutable heap struct, for the field-access baseline. */
    public static final class MutableVec3 {
        /** Components. */
        public float x, y, z;

        /** A zero vector. */
        public MutableVec3() {}
    }
}
