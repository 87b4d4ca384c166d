package io.gmalloc.benchmarks;

import io.gmalloc.GMalloc;
import io.gmalloc.benchmarks.NativeAllocators.Glibc;
import io.gmalloc.benchmarks.NativeAllocators.Jemalloc;
import io.gmalloc.benchmarks.NativeAllocators.Mimalloc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * alloc+free pair of the 12-byte {@code Vec3}: its generated dedicated bucket ({@link Vec3Bucket}) vs the 16-byte general bucket
 * ({@code gmalloc(12)}), the native anchors asked for 12 bytes, and {@code new} of the heap record.
 */
@State(Scope.Thread)
public class Vec3Benchmark extends BenchmarkBase {
    private static final long SIZE = 12;

    /** Creates the state (JMH). */
    public Vec3Benchmark() {}

    @Benchmark
    public long vec3Bucket() {
        long p = Vec3Bucket.alloc();
        Vec3Bucket.free(p);
        return p;
    }

    @Benchmark
    public long gmalloc() {
        long p = GMalloc.gmalloc(SIZE);
        GMalloc.gfree(p);
        return p;
    }

    @Benchmark
    public long glibcCritical() {
        long p = Glibc.mallocCritical(SIZE);
        Glibc.freeCritical(p);
        return p;
    }

    @Benchmark
    public long jemalloc() {
        long p = Jemalloc.malloc(SIZE);
        Jemalloc.free(p);
        return p;
    }

    @Benchmark
    public long mimalloc() {
        long p = Mimalloc.malloc(SIZE);
        Mimalloc.free(p);
        return p;
    }

    @Benchmark
    public Object heap() {
        return new Vec3(1f, 2f, 3f);
    }
}
