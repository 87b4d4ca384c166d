/**
 * gmalloc benchmarks: JMH microbenchmarks ({@code io.gmalloc.benchmarks}), whole-process seed scenarios
 * ({@code io.gmalloc.benchmarks.scenario}) and the report writer ({@code io.gmalloc.benchmarks.report}).
 *
 * <p>Compiled as a module so the build checks the dependency arrows; run from the shaded
 * {@code target/benchmarks.jar} on the class path with {@code --enable-native-access=ALL-UNNAMED}
 * (JMH forks re-launch the class path, which is the simplest robust route for its generated code).
 */
module io.gmalloc.benchmarks {
    requires io.gmalloc.runtime;
    requires static io.gmalloc.annotations; // @GMallocBucket is retained in class files only
    requires static java.compiler; // @javax.annotation.processing.Generated on generated buckets
    requires jmh.core;
    requires org.jfree.jfreechart;
    requires java.desktop;
    requires java.management;
    requires org.lwjgl; // PeerBenchmark: LWJGL 3.4 allocator bindings
    requires org.lwjgl.jemalloc;
    requires org.lwjgl.rpmalloc;
    requires io.netty.buffer; // PeerBenchmark: Netty pooled and adaptive direct buffers
    requires jdk.management; // process CPU time in the GC story
    requires jdk.jfr; // the GC story reads its own pauses from a JFR recording
}
