package io.gmalloc.benchmarks.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The GC story's report: reads the {@code RESULT gc} lines of {@code io.gmalloc.benchmarks.gc.GcStory} that
 * {@code bench/run} collected in {@code gc.txt} and writes {@code gc-section.md} (the generated part of
 * docs/gc.md) and three charts, {@code gc-pauses.png}, {@code gc-cost.png} and {@code gc-memory.png}.
 *
 * <pre>java -cp benchmarks.jar io.gmalloc.benchmarks.report.GcReport OUT_DIR DOCS_DIR</pre>
 *
 * A quick or full run that ran every configuration publishes into DOCS_DIR; a smoke run, or one where a
 * configuration failed, writes into OUT_DIR only.
 */
public final class GcReport {
    private GcReport() {}

    /** Collectors and storages in table order. */
    static final List<String> COLLECTORS = List.of("G1", "ZGC");

    static final List<String> STORAGES = List.of("heap", "gmalloc");

    /** One configuration's figures (the median over its runs), keyed as in the RESULT line. */
    record Row(String collector, String storage, Map<String, Double> figures, int runs) {
        double get(String key) {
            return figures.getOrDefault(key, Double.NaN);
        }
    }

    /**
     * Writes the report.
     *
     * @param args OUT_DIR (bench/out/MODE) and DOCS_DIR
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: GcReport OUT_DIR DOCS_DIR");
            System.exit(1);
        }
        Path out = Path.of(args[0]);
        Properties meta = new Properties();
        Path metaFile = out.resolve("meta.properties");
        if (Files.isRegularFile(metaFile)) {
            try (Reader r = Files.newBufferedReader(metaFile, StandardCharsets.UTF_8)) {
                meta.load(r);
            }
        }
        List<String> lines =
                Files.isRegularFile(out.resolve("gc.txt")) ? Files.readAllLines(out.resolve("gc.txt")) : List.of();
        Map<String, Row> rows = rows(lines);
        Optional<String> partial = partial(meta.getProperty("mode", ""), rows);
        Path docs = partial.isPresent() ? out : Path.of(args[1]);
        partial.ifPresent(why -> System.err.println("GcReport: " + why + ": gc-section.md goes to " + out + " only"));
        Files.createDirectories(docs);
        charts(docs, rows);
        Files.writeString(docs.resolve("gc-section.md"), section(meta, rows, lines));
        System.err.println("GcReport: " + docs.resolve("gc-section.md"));
    }

    /**
     * Why this run must not replace the published GC figures, or empty when it may.
     *
     * @param mode the run's mode
     * @param rows the configurations measured
     * @return the reason, if any
     */
    static Optional<String> partial(String mode, Map<String, Row> rows) {
        if (!mode.equals("quick") && !mode.equals("full")) {
            return Optional.of(
                    "a " + (mode.isEmpty() ? "run of unknown mode" : mode + " run") + " is no published report");
        }
        for (String collector : COLLECTORS) {
            for (String storage : STORAGES) {
                if (!rows.containsKey(collector + "/" + storage)) {
                    return Optional.of(collector + " with " + storage + " storage was not measured");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Parses {@code RESULT gc key=value …} lines into one row per collector and storage, each figure the median
     * of its runs; other lines are ignored.
     *
     * @param lines the lines of gc.txt
     * @return rows keyed {@code collector/storage}
     */
    static Map<String, Row> rows(List<String> lines) {
        Map<String, List<Map<String, String>>> runs = new LinkedHashMap<>();
        for (String line : lines) {
            if (!line.startsWith("RESULT gc ")) {
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (String token : line.substring("RESULT gc ".length()).trim().split("\\s+")) {
                int eq = token.indexOf('=');
                if (eq > 0) {
                    fields.put(token.substring(0, eq), token.substring(eq + 1));
                }
            }
            if (fields.containsKey("collector") && fields.containsKey("storage")) {
                runs.computeIfAbsent(fields.get("collector") + "/" + fields.get("storage"), k -> new ArrayList<>())
                        .add(fields);
            }
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        runs.forEach((key, list) -> {
            Map<String, Double> figures = new HashMap<>();
            for (String name : list.getFirst().keySet()) {
                List<Double> values = new ArrayList<>();
                for (Map<String, String> run : list) {
                    try {
                        values.add(Double.parseDouble(run.getOrDefault(name, "x")));
                    } catch (NumberFormatException e) {
                        // a text field (collector, storage)
                    }
                }
                if (!values.isEmpty()) {
                    values.sort(null);
                    figures.put(name, values.get(values.size() / 2));
                }
            }
            Map<String, String> first = list.getFirst();
            rows.put(key, new Row(first.get("collector"), first.get("storage"), figures, list.size()));
        });
        return rows;
    }

    /**
     * The Markdown between docs/gc.md's markers: what ran, one row per configuration, and gmalloc ÷ heap.
     *
     * @param meta the run's meta.properties
     * @param rows the configurations
     * @param lines the raw lines, for the failures
     * @return the section
     */
    static String section(Properties meta, Map<String, Row> rows, List<String> lines) {
        StringBuilder b = new StringBuilder();
        Row any = rows.values().stream().findFirst().orElse(null);
        b.append(String.format(
                Locale.ROOT,
                "Measured by `%s` on %s: %s, %s RAM, %s. Load average %s at the start, %s " + "at the end%s.%n%n",
                meta.getProperty("command", "bench/run"),
                meta.getProperty("date", "?"),
                meta.getProperty("cpu", "?"),
                meta.getProperty("memory", "?"),
                meta.getProperty("jdk", "?").trim(),
                meta.getProperty("loadStart", "?"),
                meta.getProperty("loadEnd", "?"),
                busy(meta)
                        ? " (the machine was shared with other work while measuring: read wall and CPU times as"
                                + " rough, pause counts and memory as firm)"
                        : ""));
        if (any != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "N = %,d live `Particle`s, %,d operations, `-Xms`=`-Xmx`=%,d MiB for "
                            + "every JVM; one fresh JVM per row (%d run(s) each, median).%n%n",
                    (long) any.get("n"),
                    (long) any.get("ops"),
                    (long) any.get("xmxMb"),
                    any.runs()));
        }
        b.append(
                "Allocation stalls (ZGC only, JFR `jdk.ZAllocationStall`): threads that waited for the collector to free"
                        + " memory, with the time they waited; not pauses, but time the application lost.\n\n");
        b.append(
                "![GC pauses](gc-pauses.png)\n\n(ZGC's pauses are far below a millisecond either way: too small for the"
                        + " chart's scale; they are in the table.)\n\n![wall and CPU time](gc-cost.png)\n\n"
                        + "![memory](gc-memory.png)\n\n");
        b.append(
                "| collector | storage | heap live after GC | off-heap reserved | peak RSS | creating the N | "
                        + "operations, wall | process CPU | collections | pauses | total pause | longest pause | allocation stalls |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String collector : COLLECTORS) {
            for (String storage : STORAGES) {
                Row r = rows.get(collector + "/" + storage);
                if (r == null) {
                    b.append("| ")
                            .append(collector)
                            .append(" | ")
                            .append(storage)
                            .append(" | not measured |||||||||||\n");
                    continue;
                }
                b.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %.0f MiB | %.0f MiB | %.0f MiB | %.2f s | %.2f s | %.2f s "
                                + "| %d | %d | %s | %s | %s |%n",
                        collector,
                        storage,
                        r.get("heapLiveMb"),
                        r.get("offHeapMb"),
                        r.get("hwmMb"),
                        r.get("setupSeconds"),
                        r.get("seconds"),
                        r.get("cpuSeconds"),
                        (long) r.get("collections"),
                        (long) r.get("pauses"),
                        ms(r.get("pauseTotalMs")),
                        ms(r.get("pauseMaxMs")),
                        collector.equals("ZGC") ? (long) r.get("stalls") + " (" + ms(r.get("stallMs")) + ")" : "–"));
            }
        }
        b.append("\ngmalloc ÷ heap, same collector (below 1: gmalloc storage is better):\n\n");
        b.append(
                "| collector | heap live | total pause | longest pause | collections | creating the N | operations, wall "
                        + "| process CPU | peak RSS |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String collector : COLLECTORS) {
            Row h = rows.get(collector + "/heap");
            Row g = rows.get(collector + "/gmalloc");
            if (h == null || g == null) {
                continue;
            }
            b.append("| ").append(collector);
            for (String key : List.of(
                    "heapLiveMb",
                    "pauseTotalMs",
                    "pauseMaxMs",
                    "collections",
                    "setupSeconds",
                    "seconds",
                    "cpuSeconds",
                    "hwmMb")) {
                b.append(" | ").append(ratio(g.get(key), h.get(key)));
            }
            b.append(" |\n");
        }
        List<String> failed = lines.stream().filter(l -> l.startsWith("FAILED")).toList();
        if (!failed.isEmpty()) {
            b.append("\nFailed runs (see gc.err in the run's output folder):\n\n");
            failed.forEach(f -> b.append("- `").append(f).append("`\n"));
        }
        return b.toString();
    }

    private static boolean busy(Properties meta) {
        try {
            String cpu = meta.getProperty("cpu", "");
            int cores = Integer.parseInt(cpu.replaceAll(".*\\((\\d+) cores\\).*", "$1"));
            double load = Double.parseDouble(meta.getProperty("loadStart", "0").split(" ")[0]);
            return load > cores * 0.25;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String ms(double millis) {
        return Double.isNaN(millis)
                ? "–"
                : millis < 10
                        ? String.format(Locale.ROOT, "%.2f ms", millis)
                        : String.format(Locale.ROOT, "%,.0f ms", millis);
    }

    static String ratio(double gmalloc, double heap) {
        if (Double.isNaN(gmalloc) || Double.isNaN(heap)) {
            return "–";
        }
        if (heap == 0) {
            return gmalloc == 0 ? "1.00× (both 0)" : "– (heap 0)";
        }
        return String.format(Locale.ROOT, "%.2f×", gmalloc / heap);
    }

    private static void charts(Path docs, Map<String, Row> rows) throws IOException {
        DefaultCategoryDataset pauses = new DefaultCategoryDataset();
        DefaultCategoryDataset cost = new DefaultCategoryDataset();
        DefaultCategoryDataset memory = new DefaultCategoryDataset();
        for (String storage : STORAGES) {
            String series = storage.equals("heap") ? "records on the heap" : "records in gmalloc";
            for (String collector : COLLECTORS) {
                Row r = rows.get(collector + "/" + storage);
                if (r == null) {
                    continue;
                }
                pauses.addValue(r.get("pauseTotalMs"), series, collector + ": total pause, ms");
                pauses.addValue(r.get("pauseMaxMs"), series, collector + ": longest pause, ms");
                cost.addValue(r.get("seconds"), series, collector + ": operations, wall");
                cost.addValue(r.get("cpuSeconds"), series, collector + ": process CPU");
                memory.addValue(r.get("heapLiveMb"), series, collector + ": heap live");
                memory.addValue(r.get("offHeapMb"), series, collector + ": off-heap");
                memory.addValue(r.get("hwmMb"), series, collector + ": peak RSS");
            }
        }
        Charts.bars(
                docs.resolve("gc-pauses.png"),
                "GC pauses while the workload runs (lower is better)",
                "",
                "ms",
                pauses,
                1000,
                420);
        Charts.bars(
                docs.resolve("gc-cost.png"),
                "Time for the same operations (lower is better)",
                "",
                "s",
                cost,
                1000,
                420);
        Charts.bars(docs.resolve("gc-memory.png"), "Memory (lower is better)", "", "MiB", memory, 1000, 420);
    }
}
