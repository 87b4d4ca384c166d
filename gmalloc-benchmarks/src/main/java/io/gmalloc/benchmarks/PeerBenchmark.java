package io.gmalloc.benchmarks;

import io.gmalloc.GMalloc;
import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.lang.foreign.Arena;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.system.jemalloc.JEmalloc;
import org.lwjgl.system.rpmalloc.RPmalloc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * gmalloc beside what Java developers use today for small off-heap objects (docs/design.md §6, "against the Java
 * peers"): LWJGL 3.4's allocator bindings (mimalloc through {@code MemoryUtil}'s default allocator, rpmalloc and
 * jemalloc), Netty 4.2's pooled and adaptive direct buffers, the JDK's {@code Arena} per object, and a heap
 * {@code new} (run with {@code -prof gc} to see the GC's share). Each peer has a pair ({@code p = alloc(8);
 * free(p)}) and a batch ({@value #K} allocations, then {@value #K} frees in order, per pair) method.
 *
 * <p>LWJGL runs with {@code -Dorg.lwjgl.system.memoryBackend=ffm} (its FFM memory accessors, so JDK 25 prints
 * no warning about deprecated memory access) and {@code -Dorg.lwjgl.system.allocator=mimalloc}; its allocator calls
 * are JNI, with the natives from the {@code natives-linux} jars.
 */
@State(Scope.Thread)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "--enable-native-access=ALL-UNNAMED",
            "-Xms1g",
            "-Xmx1g",
            "-Dorg.lwjgl.system.allocator=mimalloc",
            "-Dorg.lwjgl.system.memoryBackend=ffm"
        })
public class PeerBenchmark extends BenchmarkBase {
    /** Blocks per batch. */
    public static final int K = 500;

    private static final int SIZE = 8;

    private final long[] blocks = new long[K];
    private final ByteBuf[] buffers = new ByteBuf[K];
    private PooledByteBufAllocator pooled;
    private AdaptiveByteBufAllocator adaptive;

    /** Creates the state (JMH). */
    public PeerBenchmark() {}

    /** Creates the Netty allocators and touches every LWJGL allocator once, outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
        pooled = new PooledByteBufAllocator(true);
        adaptive = new AdaptiveByteBufAllocator(true, true);
        MemoryUtil.nmemFree(MemoryUtil.nmemAlloc(SIZE));
        RPmalloc.nrpmalloc_initialize(0L); // default interface (LWJGL passes no custom memory map)
        RPmalloc.rpmalloc_thread_initialize();
        RPmalloc.nrpfree(RPmalloc.nrpmalloc(SIZE));
        JEmalloc.nje_free(JEmalloc.nje_malloc(SIZE));
    }

    /** Gives rpmalloc's thread state back. */
    @TearDown(Level.Trial)
    public void tearDown() {
        RPmalloc.rpmalloc_finalize();
    }

    // ---- pairs -------------------------------------------------------------------------------------------

    @Benchmark
    public long gmalloc() {
        long p = GMalloc.gmalloc(SIZE);
        GMalloc.gfree(p);
        return p;
    }

    /** LWJGL's default allocator, set to mimalloc (the {@code lwjgl-mimalloc} binding). */
    @Benchmark
    public long lwjglMimalloc() {
        long p = MemoryUtil.nmemAlloc(SIZE);
        MemoryUtil.nmemFree(p);
        return p;
    }

    @Benchmark
    public long lwjglRpmalloc() {
        long p = RPmalloc.nrpmalloc(SIZE);
        RPmalloc.nrpfree(p);
        return p;
    }

    @Benchmark
    public long lwjglJemalloc() {
        long p = JEmalloc.nje_malloc(SIZE);
        JEmalloc.nje_free(p);
        return p;
    }

    @Benchmark
    public long nettyPooled() {
        ByteBuf b = pooled.directBuffer(SIZE, SIZE);
        long p = b.memoryAddress();
        b.release();
        return p;
    }

    @Benchmark
    public long nettyAdaptive() {
        ByteBuf b = adaptive.directBuffer(SIZE, SIZE);
        long p = b.memoryAddress();
        b.release();
        return p;
    }

    @Benchmark
    public long arenaConfined() {
        try (Arena arena = Arena.ofConfined()) {
            return arena.allocate(SIZE, 8).address();
        }
    }

    @Benchmark
    public long arenaShared() {
        try (Arena arena = Arena.ofShared()) {
            return arena.allocate(SIZE, 8).address();
        }
    }

    /** A heap object of 8 bytes of payload; {@code -prof gc} shows what the collector adds. */
    @Benchmark
    public Object heap() {
        return new HeapObjects.L1(SIZE);
    }

    // ---- batches of K ------------------------------------------------------------------------------------

    @Benchmark
    @OperationsPerInvocation(K)
    public long batchGmalloc() {
        long[] b = blocks;
        for (int i = 0; i < K; i++) {
            b[i] = GMalloc.gmalloc(SIZE);
        }
        for (int i = 0; i < K; i++) {
            GMalloc.gfree(b[i]);
        }
        return b[K - 1];
    }

    @Benchmark
    @OperationsPerInvocation(K)
    public long batchLwjglMimalloc() {
        long[] b = blocks;
        for (int i = 0; i < K; i++) {
            b[i] = MemoryUtil.nmemAlloc(SIZE);
        }
        for (int i = 0; i < K; i++) {
            MemoryUtil.nmemFree(b[i]);
        }
        return b[K - 1];
    }

    @Benchmark
    @OperationsPerInvocation(K)
    public long batchLwjglRpmalloc() {
        long[] b = blocks;
        for (int i = 0; i < K; i++) {
            b[i] = RPmalloc.nrpmalloc(SIZE);
        }
        for (int i = 0; i < K; i++) {
            RPmalloc.nrpfree(b[i]);
        }
        return b[K - 1];
    }

    @Benchmark
    @OperationsPerInvocation(K)
    public long batchLwjglJemalloc() {
        long[] b = blocks;
        for (int i = 0; i < K; i++) {
            b[i] = JEmalloc.nje_malloc(SIZE);
        }
        for (int i = 0; i < K; i++) {
            JEmalloc.nje_free(b[i]);
        }
        return b[K - 1];
    }

    @Benchmark
    @OperationsPerInvocation(K)
    public long batchNettyPooled() {
        ByteBuf[] b = buffers;
        for (int i = 0; i < K; i++) {
            b[i] = pooled.directBuffer(SIZE, SIZE);
        }
        for (int i = 0; i < K; i++) {
            b[i].release();
        }
        return K;
    }

    @Benchmark
    @OperationsPerInvocation(K)
    public long batchNettyAdaptive() {
        ByteBuf[] b = buffers;
        for (int i = 0; i < K; i++) {
            b[i] = adaptive.directBuffer(SIZE, SIZE);
        }
        for (int i = 0; i < K; i++) {
            b[i].release();
        }
        return K;
    }

    /** All K objects in one confined arena, freed together at close (the arena's best case). */
    @Benchmark
    @OperationsPerInvocation(K)
    public long batchArenaConfined() {
        long last;
        try (Arena arena = Arena.ofConfined()) {
            last = 0;
            for (int i = 0; i < K; i++) {
                last = arena.allocate(SIZE, 8).address();
            }
        }
        return last;
    }

    @Benchmark
    @OperationsPerInvocation(K)
    public Object batchHeap() {
        Object[] keep = new Object[K];
        for (int i = 0; i < K; i++) {
            keep[i] = new HeapObjects.L1(i);
        }
        return keep;
    }
}
