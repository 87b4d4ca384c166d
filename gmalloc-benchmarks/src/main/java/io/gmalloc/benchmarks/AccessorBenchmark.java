package io.gmalloc.benchmarks;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Read-modify-write of all three components of {@value #COUNT} Vec3s (3 reads + 3 writes per operation):
 * the generated {@link Vec3Bucket} accessors vs hand-written {@link MemorySegment} access on the same blocks vs
 * fields of heap objects. docs/design.md §6: generated accessors within 1.2× hand-written access.
 */
@State(Scope.Thread)
public class AccessorBenchmark extends BenchmarkBase {
    static final int COUNT = 1024;

    @SuppressWarnings("restricted") // the benchmark's own raw view, like generated accessors
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private final long[] addresses = new long[COUNT];
    private final HeapObjects.MutableVec3[] objects = new HeapObjects.MutableVec3[COUNT];

    /** Creates the state (JMH). */
    public AccessorBenchmark() {}

    @Setup(Level.Trial)
    public void setUp() {
        for (int i = 0; i < COUNT; i++) {
            addresses[i] = Vec3Bucket.alloc();
            objects[i] = new HeapObjects.MutableVec3();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (long a : addresses) {
            Vec3Bucket.free(a);
        }
    }

    @Benchmark
    @OperationsPerInvocation(COUNT)
    public void typed() {
        for (long a : addresses) {
            Vec3Bucket.x(a, Vec3Bucket.x(a) + 1f);
            Vec3Bucket.y(a, Vec3Bucket.y(a) + 2f);
            Vec3Bucket.z(a, Vec3Bucket.z(a) + 3f);
        }
    }

    @Benchmark
    @OperationsPerInvocation(COUNT)
    public void segment() {
        for (long a : addresses) {
            ALL.set(F, a, ALL.get(F, a) + 1f);
            ALL.set(F, a + 4, ALL.get(F, a + 4) + 2f);
            ALL.set(F, a + 8, ALL.get(F, a + 8) + 3f);
        }
    }

    @Benchmark
    @OperationsPerInvocation(COUNT)
    public void heapFields() {
        for (HeapObjects.MutableVec3 v : objects) {
            v.x += 1f;
            v.y += 2f;
            v.z += 3f;
        }
    }
}
