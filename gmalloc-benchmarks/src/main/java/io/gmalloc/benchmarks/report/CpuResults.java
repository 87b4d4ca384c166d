package io.gmalloc.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code CPU compile=... contender=... size=... ns=...} lines of the thread-CPU-time pair harness
 * ({@code io.gmalloc.benchmarks.cpu.CpuPairs}, {@code cputime.txt}): minimum thread-CPU ns per operation.
 */
final class CpuResults {
    private final Map<String, Double> ns = new HashMap<>();
    private boolean failed;

    static CpuResults read(Path file) throws IOException {
        CpuResults r = new CpuResults();
        if (!Files.isRegularFile(file)) {
            return r;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("FAILED")) {
                r.failed = true;
            } else if (line.startsWith("CPU ")) {
                Map<String, String> kv = ResultLine.fields(line, "CPU");
                String compile = kv.get("compile");
                String contender = kv.get("contender");
                String size = kv.get("size");
                String value = kv.get("ns");
                if (compile == null || contender == null || size == null || value == null) {
                    continue;
                }
                try {
                    double v = Double.parseDouble(value);
                    if (Double.isFinite(v)) {
                        r.ns.merge(compile + "/" + contender + "/" + size, v, Math::min);
                    }
                } catch (NumberFormatException e) {
                    r.failed = true; // a garbled line counts as a failed measurement, never as a crash
                }
            }
        }
        return r;
    }

    /**
     * @param compile {@code osr}, {@code c2}, {@code large} or {@code c1}
     * @param contender e.g. {@code gmalloc}, {@code glibcCritical}, {@code mimallocZeroed}, {@code bump},
     *     {@code batchGmalloc}, {@code batchGlibcCritical}
     * @return minimum ns per operation, empty when not measured
     */
    Optional<Double> ns(String compile, String contender, int size) {
        return Optional.ofNullable(ns.get(compile + "/" + contender + "/" + size));
    }

    boolean isEmpty() {
        return ns.isEmpty();
    }

    /** Whether the harness (or its C1 child) failed in this run. */
    boolean failed() {
        return failed;
    }
}
