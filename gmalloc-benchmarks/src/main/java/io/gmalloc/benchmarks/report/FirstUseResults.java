package io.gmalloc.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code FIRSTUSE ms=... rssGrowthKb=...} lines of {@code io.gmalloc.benchmarks.scenario.FirstUse}, one per
 * fresh JVM ({@code firstuse.txt}).
 */
final class FirstUseResults {
    /** Median and range over the fresh JVMs. */
    record Stat(double median, double min, double max, int n) {}

    private final List<Double> ms = new ArrayList<>();
    private final List<Double> rssMb = new ArrayList<>();
    private int failed;

    static FirstUseResults read(Path file) throws IOException {
        FirstUseResults r = new FirstUseResults();
        if (!Files.isRegularFile(file)) {
            return r;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("FAILED")) {
                r.failed++;
                continue;
            }
            if (!line.startsWith("FIRSTUSE ")) {
                continue;
            }
            Map<String, String> kv = ResultLine.fields(line, "FIRSTUSE");
            if (kv.containsKey("ms") && kv.containsKey("rssGrowthKb")) {
                try {
                    double time = Double.parseDouble(kv.get("ms"));
                    double rss = Double.parseDouble(kv.get("rssGrowthKb")) / 1024.0;
                    r.ms.add(time);
                    r.rssMb.add(rss);
                } catch (NumberFormatException e) {
                    r.failed++; // a garbled line counts as a failed JVM, never as a crash
                }
            }
        }
        return r;
    }

    /** Wall milliseconds of the first gmalloc + gfree. */
    Optional<Stat> ms() {
        return stat(ms);
    }

    /** VmRSS growth across them, MiB. */
    Optional<Stat> rssMb() {
        return stat(rssMb);
    }

    int failed() {
        return failed;
    }

    private static Optional<Stat> stat(List<Double> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return Optional.of(new Stat(median, v[0], v[v.length - 1], v.length));
    }
}
