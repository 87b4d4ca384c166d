package io.gmalloc.benchmarks;

import io.gmalloc.GMalloc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of allocation-site tracking (docs/design.md §2b: "free when off; with it on, allocation stays within 3×
 * its cost"): the same {@code GMalloc} pair in a JVM with tracking off, on with the default sampling (one
 * allocation in 1024 records its stack), and on recording every allocation. The setting is a {@code static final}
 * read once, so each method runs in a fork of its own with its flags; with {@code -f 0} all three measure the
 * harness JVM's setting and say nothing.
 */
@State(Scope.Thread)
public class SitesBenchmark extends BenchmarkBase {
    private static final String NATIVE = "--enable-native-access=ALL-UNNAMED";

    /** Bytes asked for. */
    @Param({"8", "64"})
    public int size;

    /** Creates the state (JMH). */
    public SitesBenchmark() {}

    private long pair() {
        long p = GMalloc.gmalloc(size);
        GMalloc.gfree(p);
        return p;
    }

    /** Tracking off (the default). */
    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {NATIVE, "-Xms1g", "-Xmx1g", "-Dgmalloc.trackSites=false"})
    public long off() {
        return pair();
    }

    /** {@code -Dgmalloc.trackSites=true}: one allocation in 1024 (the default) walks its stack. */
    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {NATIVE, "-Xms1g", "-Xmx1g", "-Dgmalloc.trackSites=true"})
    public long on() {
        return pair();
    }

    /** {@code -Dgmalloc.trackSites=true -Dgmalloc.siteSampling=1}: every allocation walks its stack. */
    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {NATIVE, "-Xms1g", "-Xmx1g", "-Dgmalloc.trackSites=true", "-Dgmalloc.siteSampling=1"})
    public long onEveryAllocation() {
        return pair();
    }
}
