package io.gmalloc.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JMH results read from its CSV output ({@code -rf csv}). */
final class JmhResults {
    /**
     * One CSV row.
     *
     * @param benchmark simple class name, e.g. {@code PairBenchmark}
     * @param method benchmark method or group name
     * @param secondary secondary metric after {@code :} (e.g. {@code transfers}), or empty
     * @param params JMH parameters of the row
     * @param score the score in {@code unit}
     * @param error 99.9% half-width, NaN with too few samples
     */
    record Row(
            String benchmark,
            String method,
            String secondary,
            Map<String, String> params,
            double score,
            double error,
            String unit) {}

    private final List<Row> rows;

    private JmhResults(List<Row> rows) {
        this.rows = rows;
    }

    static JmhResults read(Path csv) throws IOException {
        List<Row> rows = new ArrayList<>();
        if (!Files.isRegularFile(csv)) {
            return new JmhResults(rows);
        }
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            return new JmhResults(rows);
        }
        List<String> header = Csv.split(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = Csv.split(line);
            String full = f.get(0);
            String secondary = "";
            int colon = full.indexOf(':');
            if (colon >= 0) {
                secondary = full.substring(colon + 1);
                full = full.substring(0, colon);
            }
            int lastDot = full.lastIndexOf('.');
            String method = full.substring(lastDot + 1);
            String clazz = full.substring(full.lastIndexOf('.', lastDot - 1) + 1, lastDot);
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 7; i < header.size() && i < f.size(); i++) {
                if (!f.get(i).isEmpty()) {
                    params.put(header.get(i).replace("Param: ", ""), f.get(i));
                }
            }
            rows.add(new Row(clazz, method, secondary, params, number(f.get(4)), number(f.get(5)), f.get(6)));
        }
        return new JmhResults(rows);
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s.replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The primary (or named secondary) row of {@code benchmark.method} whose params include {@code kv}. */
    Optional<Row> find(String benchmark, String method, String secondary, String... kv) {
        outer:
        for (Row r : rows) {
            if (!r.benchmark().equals(benchmark)
                    || !r.method().equals(method)
                    || !r.secondary().equals(secondary)) {
                continue;
            }
            for (int i = 0; i + 1 < kv.length; i += 2) {
                if (!kv[i + 1].equals(r.params().get(kv[i]))) {
                    continue outer;
                }
            }
            return Optional.of(r);
        }
        return Optional.empty();
    }

    Optional<Double> score(String benchmark, String method, String... kv) {
        return find(benchmark, method, "", kv).map(Row::score);
    }

    /** Minimal CSV splitting for JMH's output: quoted fields without embedded quotes. */
    static final class Csv {
        private Csv() {}

        static List<String> split(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            out.add(cur.toString());
            return out;
        }
    }
}
