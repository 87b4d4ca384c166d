package io.gmalloc.benchmarks.scenario;

import io.gmalloc.GMalloc;
import io.gmalloc.benchmarks.NativeAllocators.Glibc;
import io.gmalloc.benchmarks.NativeAllocators.Jemalloc;
import io.gmalloc.benchmarks.NativeAllocators.Mimalloc;
import io.gmalloc.benchmarks.Vec3Bucket;

/**
 * The allocator a scenario process runs on. A process creates exactly one implementation, so every call
 * site stays monomorphic and C2 inlines the allocator as if it were called directly.
 */
interface RawAllocator {
    long malloc(long size);

    void free(long address);

    /**
     * @param name {@code gmalloc}, {@code glibc} (critical downcalls), {@code jemalloc}, {@code mimalloc},
     *     {@code vec3} (the generated dedicated 12-byte bucket; size ignored)
     */
    static RawAllocator named(String name) {
        return switch (name) {
            case "gmalloc" ->
                new RawAllocator() {
                    @Override
                    public long malloc(long size) {
                        return GMalloc.gmalloc(size);
                    }

                    @Override
                    public void free(long address) {
                        GMalloc.gfree(address);
                    }
                };
            case "glibc" ->
                new RawAllocator() {
                    @Override
                    public long malloc(long size) {
                        return Glibc.mallocCritical(size);
                    }

                    @Override
                    public void free(long address) {
                        Glibc.freeCritical(address);
                    }
                };
            case "jemalloc" ->
                new RawAllocator() {
                    @Override
                    public long malloc(long size) {
                        return Jemalloc.malloc(size);
                    }

                    @Override
                    public void free(long address) {
                        Jemalloc.free(address);
                    }
                };
            case "mimalloc" ->
                new RawAllocator() {
                    @Override
                    public long malloc(long size) {
                        return Mimalloc.malloc(size);
                    }

                    @Override
                    public void free(long address) {
                        Mimalloc.free(address);
                    }
                };
            case "vec3" ->
                new RawAllocator() {
                    @Override
                    public long malloc(long size) {
                        return Vec3Bucket.alloc();
                    }

                    @Override
                    public void free(long address) {
                        Vec3Bucket.free(address);
                    }
                };
            default -> throw new IllegalArgumentException("unknown allocator: " + name);
        };
    }
}
