package io.gmalloc.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The RESULT / FAILED lines the scenario processes (Java and C) wrote, grouped by run key. */
final class ScenarioResults {
    /**
     * The median over repetitions of one (lang, impl, shape, threads).
     *
     * @param seconds timed section, wall clock
     * @param cpuSeconds CPU time of the threads that ran the section
     * @param growthMb peak RSS growth without the pointer array
     * @param committedMb gmalloc's own committed bytes in MB, NaN for the other allocators
     * @param reps how many processes
     * @param warmSeconds the same shape run again in the same JVM (wall clock), NaN when not run
     * @param warmCpuSeconds CPU time of the threads that ran the warm run, NaN when not run
     */
    record Run(
            String lang,
            String impl,
            String shape,
            long n,
            int threads,
            double seconds,
            double cpuSeconds,
            double growthMb,
            double wall,
            double committedMb,
            int reps,
            double warmSeconds,
            double warmCpuSeconds) {
        /** Allocations (or rounds, for shape 3) per second. */
        double perSecond() {
            return n / seconds;
        }
    }

    private final Map<String, List<Map<String, String>>> byKey = new HashMap<>();
    private final List<String> failed = new ArrayList<>();

    static ScenarioResults read(Path file) throws IOException {
        ScenarioResults r = new ScenarioResults();
        if (!Files.isRegularFile(file)) {
            return r;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("FAILED")) {
                r.failed.add(line.substring("FAILED ".length()));
            } else if (line.startsWith("RESULT")) {
                Map<String, String> kv = ResultLine.fields(line, "RESULT");
                r.byKey
                        .computeIfAbsent(
                                key(
                                        kv.get("lang"),
                                        kv.get("impl"),
                                        kv.get("shape"),
                                        Integer.parseInt(kv.get("threads"))),
                                k -> new ArrayList<>())
                        .add(kv);
            }
        }
        return r;
    }

    private static String key(String lang, String impl, String shape, int threads) {
        return lang + "/" + impl + "/" + shape + "/" + threads;
    }

    List<String> failed() {
        return failed;
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    Optional<Run> get(String lang, String impl, String shape, int threads) {
        return get(byKey.get(key(lang, impl, shape, threads)), lang, impl, shape, threads);
    }

    /** As {@link #get(String, String, String, int)}, only the runs of size {@code n}. */
    Optional<Run> get(String lang, String impl, String shape, int threads, long n) {
        List<Map<String, String>> runs = byKey.get(key(lang, impl, shape, threads));
        return runs == null
                ? Optional.empty()
                : get(
                        runs.stream()
                                .filter(kv -> Long.toString(n).equals(kv.get("n")))
                                .toList(),
                        lang,
                        impl,
                        shape,
                        threads);
    }

    /** Every size {@code n} measured for this key. */
    List<Long> sizes(String lang, String impl, String shape, int threads) {
        List<Map<String, String>> runs = byKey.get(key(lang, impl, shape, threads));
        return runs == null
                ? List.of()
                : runs.stream()
                        .map(kv -> Long.parseLong(kv.get("n")))
                        .distinct()
                        .sorted()
                        .toList();
    }

    private static Optional<Run> get(
            List<Map<String, String>> runs, String lang, String impl, String shape, int threads) {
        if (runs == null || runs.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> first = runs.get(0);
        return Optional.of(new Run(
                lang,
                impl,
                shape,
                Long.parseLong(first.get("n")),
                threads,
                median(runs, "seconds"),
                median(runs, "cpuSeconds"),
                median(runs, "growthMb"),
                median(runs, "wall"),
                median(runs, "committedMb"),
                runs.size(),
                median(runs, "warmSeconds"),
                median(runs, "warmCpuSeconds")));
    }

    private static double median(List<Map<String, String>> runs, String field) {
        double[] v = runs.stream()
                .map(m -> m.get(field))
                .filter(s -> s != null)
                .mapToDouble(Double::parseDouble)
                .sorted()
                .toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
