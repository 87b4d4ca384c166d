package io.gmalloc.benchmarks.report;

import io.gmalloc.benchmarks.report.ScenarioResults.Run;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.DoublePredicate;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Turns one {@code bench/run} output folder (meta.properties, jmh.csv, scenarios.txt) into
 * {@code benchmarks.md}, two PNG charts and {@code performance-section.md} (the README's Performance
 * section). Every ratio is gmalloc ÷ an anchor measured in the same run, compared with docs/design.md §6.
 *
 * <pre>java -cp benchmarks.jar io.gmalloc.benchmarks.report.ReportWriter OUT_DIR DOCS_DIR</pre>
 */
public final class ReportWriter {
    /** Base name of the report files: {@code NAME.md}, {@code NAME-pair.png}, {@code NAME-shapes.png}. */
    private final String name;

    static final int[] SIZES = {8, 16, 64, 256, 512};

    /** Which Vec3 accessors the benchmarks use; switches to the generated class when it lands. */
    static final String VEC3_SOURCE =
            "generated `Vec3Bucket` (from `@GMallocBucket record Vec3(float x, float y, float z)`)";

    /** JMH pair methods in chart/table order, with their labels. */
    private static final String[][] PAIR_COLUMNS = {
        {"gmalloc", "gmalloc"},
        {"mimalloc", "mimalloc (FFM, critical)"},
        {"jemalloc", "jemalloc (FFM, critical)"},
        {"glibcCritical", "glibc (FFM, critical)"},
        {"glibc", "glibc (FFM, plain)"},
        {"mimallocZeroed", "mi_zalloc (FFM, critical)"},
        {"glibcCalloc", "glibc calloc (FFM, critical)"},
        {"arenaConfined", "Arena.ofConfined()"},
        {"heap", "heap `new`"},
    };

    private final Properties meta;
    private final JmhResults jmh;
    private final ScenarioResults shapes;

    /** Whether docs/perf-findings.md (the hand-written profiling notes) exists, to link it. */
    private boolean findings;

    /** The shapes of a seed-size ('full') run, shown in the README section when given; null otherwise. */
    private ReportWriter seedSize;

    private ReportWriter(Properties meta, JmhResults jmh, ScenarioResults shapes, String name) {
        this.name = name;
        this.meta = meta;
        this.jmh = jmh;
        this.shapes = shapes;
    }

    /**
     * Writes the report.
     *
     * @param args OUT_DIR (bench/out/MODE), DOCS_DIR and optionally the report's base name (default
     *     {@code benchmarks}; only that one also writes {@code performance-section.md})
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: ReportWriter OUT_DIR DOCS_DIR [NAME [FULL_OUT_DIR]]");
            System.exit(1);
        }
        Path out = Path.of(args[0]);
        Properties meta = readMeta(out);
        String name = args.length >= 3 ? args[2] : "benchmarks";
        Optional<String> partial = partialRun(meta, name);
        Path docs = partial.isPresent() ? out : Path.of(args[1]);
        if (partial.isPresent()) {
            System.err.println("ReportWriter: " + partial.get() + ": the report goes to " + out
                    + " only; the published one in docs/ is left as it is");
        }
        ReportWriter w = new ReportWriter(
                meta,
                JmhResults.read(out.resolve("jmh.csv")),
                ScenarioResults.read(out.resolve("scenarios.txt")),
                name);
        Files.createDirectories(docs);
        w.charts(docs);
        List<Target> targets = w.targets();
        if ("smoke".equals(meta.getProperty("mode"))) {
            // Smoke sizes are far too small to judge anything: keep the ratios, drop the verdicts.
            targets = targets.stream()
                    .map(t -> new Target(t.name(), t.goal(), t.measured(), Verdict.NA))
                    .toList();
        }
        boolean fullShapes = Files.isRegularFile(docs.resolve("benchmarks-full.md")) && !name.equals("benchmarks-full");
        w.findings = Files.isRegularFile(docs.resolve("perf-findings.md"));
        if (args.length == 4 && Files.isRegularFile(Path.of(args[3]).resolve("scenarios.txt"))) {
            // The seed-size shapes of a 'full' run, for the README section's second table.
            Path full = Path.of(args[3]);
            w.seedSize = new ReportWriter(
                    readMeta(full),
                    JmhResults.read(full.resolve("none.csv")),
                    ScenarioResults.read(full.resolve("scenarios.txt")),
                    "benchmarks-full");
        }
        Files.writeString(docs.resolve(name + ".md"), w.report(targets, fullShapes));
        if (name.equals("benchmarks")) {
            Files.writeString(docs.resolve("performance-section.md"), w.section(targets, fullShapes));
        }
    }

    /**
     * Why this run must not replace the published report, or empty when it may: a smoke run, a JMH include
     * pattern, or any skipped part make a partial report. The one narrowed run that does publish is the
     * seed-size shapes report ({@code BENCH_REPORT_NAME=benchmarks-full BENCH_SKIP=jmh bench/run full}), which
     * holds nothing but those shapes.
     *
     * @param meta the run's {@code meta.properties}
     * @param name the report's base name
     * @return the reason the run is partial, if it is
     */
    static Optional<String> partialRun(Properties meta, String name) {
        String mode = meta.getProperty("mode", "");
        String include = meta.getProperty("include", "").trim();
        String skip = meta.getProperty("skip", "").trim();
        if (!mode.equals("quick") && !mode.equals("full")) {
            return Optional.of(
                    "a " + (mode.isEmpty() ? "run of unknown mode" : mode + " run") + " is no published report");
        }
        if (!include.isEmpty()) {
            return Optional.of("narrowed run (BENCH_JMH_INCLUDE=" + include + ")");
        }
        if (!skip.isEmpty()) {
            boolean seedShapesOnly = name.equals("benchmarks-full") && mode.equals("full") && skip.equals("jmh");
            if (!seedShapesOnly) {
                return Optional.of("narrowed run (BENCH_SKIP=" + skip + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * What this run measured and what it left out, for the report's header.
     *
     * @param meta the run's {@code meta.properties}
     * @return one line such as "JMH (all benchmarks), scenarios, native; skipped: none"
     */
    static String whatRan(Properties meta) {
        String skip = "," + meta.getProperty("skip", "").trim() + ",";
        String include = meta.getProperty("include", "").trim();
        List<String> ran = new java.util.ArrayList<>();
        List<String> left = new java.util.ArrayList<>();
        for (String part : List.of("jmh", "scenarios", "native")) {
            boolean skipped = skip.contains("," + part + ",");
            String label = part.equals("jmh")
                    ? "JMH (" + (include.isEmpty() ? "all benchmarks" : "only " + include) + ")"
                    : part;
            (skipped ? left : ran).add(label);
        }
        return String.join(", ", ran) + "; skipped: " + (left.isEmpty() ? "nothing" : String.join(", ", left));
    }

    private static Properties readMeta(Path out) throws IOException {
        Properties meta = new Properties();
        Path metaFile = out.resolve("meta.properties");
        if (Files.isRegularFile(metaFile)) {
            try (Reader r = Files.newBufferedReader(metaFile, StandardCharsets.UTF_8)) {
                meta.load(r);
            }
        }
        return meta;
    }

    // ---- targets ---------------------------------------------------------------------------------------

    enum Verdict {
        MET("**met**"),
        MISSED("**missed**"),
        INCONCLUSIVE("inconclusive"),
        NA("n/a");

        final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /** One docs/design.md §6 target with what this run measured. */
    record Target(String name, String goal, String measured, Verdict verdict) {}

    private static Verdict verdict(Optional<Double> ratio, DoublePredicate ok) {
        return ratio.map(r -> ok.test(r) ? Verdict.MET : Verdict.MISSED).orElse(Verdict.NA);
    }

    private static Optional<Double> ratio(Optional<Double> a, Optional<Double> b) {
        return a.isPresent() && b.isPresent() && b.get() > 0 ? Optional.of(a.get() / b.get()) : Optional.empty();
    }

    /** Marks a ratio one of whose JMH scores has a 99.9 % error above half the score. */
    static final String NOISY = "†";

    private boolean noisy(String benchmark, String method, int size) {
        return jmh.find(benchmark, method, "", "size", Integer.toString(size))
                .filter(r -> !Double.isNaN(r.error()) && r.error() > 0.5 * r.score())
                .isPresent();
    }

    private Optional<Double> pair(String method, int size) {
        return jmh.score("PairBenchmark", method, "size", Integer.toString(size));
    }

    private Optional<Double> seconds(String lang, String impl, String shape, int threads) {
        return shapes.get(lang, impl, shape, threads).map(Run::seconds);
    }

    private Optional<Double> cpu(String lang, String impl, String shape, int threads) {
        return shapes.get(lang, impl, shape, threads).map(Run::cpuSeconds).filter(v -> !Double.isNaN(v));
    }

    /** "; CPU time 0.93×" when both sides have CPU times: the same ratio without time spent waiting for a core. */
    private String cpuNote(String impl, String shape, int threads, String lang2, String impl2) {
        return ratio(cpu("java", impl, shape, threads), cpu(lang2, impl2, shape, threads))
                .map(r -> "; CPU time " + x(r))
                .orElse("");
    }

    private Optional<Double> growth(String lang, String impl, String shape) {
        return shapes.get(lang, impl, shape, 1).map(Run::growthMb);
    }

    /** Per-size target: all sizes must pass; the cell lists every size's ratio. */
    private Target pairTarget(String name, String goal, String anchor, boolean anchorOverGmalloc, DoublePredicate ok) {
        return pairTarget(name, goal, anchor, anchorOverGmalloc, ok, SIZES);
    }

    /** As {@link #pairTarget(String, String, String, boolean, DoublePredicate)}, for the given sizes only. */
    private Target pairTarget(
            String name, String goal, String anchor, boolean anchorOverGmalloc, DoublePredicate ok, int... sizes) {
        StringBuilder cell = new StringBuilder();
        List<String> missedAt = new ArrayList<>();
        int measured = 0;
        for (int size : sizes) {
            Optional<Double> r = anchorOverGmalloc
                    ? ratio(pair(anchor, size), pair("gmalloc", size))
                    : ratio(pair("gmalloc", size), pair(anchor, size));
            if (r.isEmpty()) {
                continue;
            }
            measured++;
            if (!cell.isEmpty()) {
                cell.append(", ");
            }
            cell.append(size).append(" B: ").append(x(r.get()));
            if (noisy("PairBenchmark", "gmalloc", size) || noisy("PairBenchmark", anchor, size)) {
                cell.append(NOISY);
            }
            if (!ok.test(r.get())) {
                missedAt.add(size + " B");
            }
        }
        if (measured == 0) {
            return new Target(name, goal, notMeasured(anchor), Verdict.NA);
        }
        Verdict v = missedAt.isEmpty() ? Verdict.MET : Verdict.MISSED;
        if (!missedAt.isEmpty()) {
            cell.append(" (missed at ").append(String.join(", ", missedAt)).append(")");
        }
        return new Target(name, goal, cell.toString(), v);
    }

    private String notMeasured(String anchor) {
        String lib = anchor.toLowerCase(Locale.ROOT).contains("jemalloc")
                ? "jemalloc"
                : anchor.toLowerCase(Locale.ROOT).contains("mimalloc") ? "mimalloc" : "";
        if (!lib.isEmpty() && meta.getProperty(lib, "").startsWith("skipped")) {
            return "not measured: " + meta.getProperty(lib);
        }
        if (!lib.isEmpty() && meta.getProperty("gcc", "").startsWith("skipped")) {
            return "not measured: " + meta.getProperty("gcc");
        }
        if (jmh.isEmpty() && meta.getProperty("skip", "").contains("jmh")) {
            return "JMH not run here (BENCH_SKIP=jmh); see benchmarks.md";
        }
        return "not measured in this run (see jmh.log / scenarios.err)";
    }

    List<Target> targets() {
        List<Target> t = new ArrayList<>();
        t.add(pairTarget(
                "alloc+free pair 8 B ÷ glibc (FFM, critical)", "≤ 0.5×", "glibcCritical", false, r -> r <= 0.5, 8));
        t.add(pairTarget(
                "alloc+free pair 64 and 256 B ÷ `mi_zalloc` (FFM, critical; both zero)",
                "≤ 0.8×",
                "mimallocZeroed",
                false,
                r -> r <= 0.8,
                64,
                256));
        t.add(pairTarget(
                "`Arena.ofConfined()` per object ÷ gmalloc pair (speed-up)",
                "≥ 4×",
                "arenaConfined",
                true,
                r -> r >= 4));
        Optional<Double> batch = ratio(
                jmh.score("BatchBenchmark", "gmalloc", "order", "inOrder"),
                jmh.score("BatchBenchmark", "glibcCritical", "order", "inOrder"));
        t.add(new Target(
                "batch of 500 × 8 B (freed in order) ÷ glibc (FFM, critical), per pair",
                "≤ 0.3×",
                batch.isEmpty() && jmh.isEmpty()
                        ? notMeasured("")
                        : measured(
                                batch,
                                jmh.score("BatchBenchmark", "gmalloc", "order", "inOrder"),
                                jmh.score("BatchBenchmark", "glibcCritical", "order", "inOrder"),
                                " ns",
                                "glibc"),
                verdict(batch, r -> r <= 0.3)));

        Optional<Double> rss1 = ratio(growth("java", "gmalloc", "1"), growth("c", "mimalloc", "1"));
        t.add(new Target(
                "shape 1 peak RSS growth ÷ native mimalloc",
                "≤ 1.05×",
                measured(rss1, growth("java", "gmalloc", "1"), growth("c", "mimalloc", "1"), " MB", "native mimalloc"),
                verdict(rss1, r -> r <= 1.05)));
        Optional<Double> scale = ratio(seconds("java", "gmalloc", "2", 1), seconds("java", "gmalloc", "2", 2));
        // What the machine allowed: the median 2-thread scaling of the native allocators in the same run (the
        // median, so one lucky process cannot decide). When they typically do not scale, other load left no second
        // core and the target cannot be judged.
        List<Double> natives = List.of("mimalloc", "jemalloc", "glibc").stream()
                .map(impl -> ratio(seconds("c", impl, "2", 1), seconds("c", impl, "2", 2)))
                .flatMap(Optional::stream)
                .sorted()
                .toList();
        Optional<Double> machine = natives.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        natives.size() % 2 == 1
                                ? natives.get(natives.size() / 2)
                                : (natives.get(natives.size() / 2 - 1) + natives.get(natives.size() / 2)) / 2);
        Verdict scaleVerdict = verdict(scale, r -> r >= 1.8);
        if (scaleVerdict == Verdict.MISSED && machine.isPresent() && machine.get() < 1.5) {
            scaleVerdict = Verdict.INCONCLUSIVE;
        }
        t.add(new Target(
                "shape 2 throughput, 2 threads ÷ 1 thread",
                "≥ 1.8×",
                scale.map(r -> x(r) + " (1 thread " + s(seconds("java", "gmalloc", "2", 1)) + ", 2 threads "
                                        + s(seconds("java", "gmalloc", "2", 2)) + ")")
                                .orElse("not measured")
                        + machine.map(r -> "; median native allocator in the same run: " + x(r)
                                        + (r < 1.5 ? " (no free second core: other load)" : ""))
                                .orElse(""),
                scaleVerdict));
        for (String shape : List.of("1", "3")) {
            Optional<Double> m = ratio(seconds("java", "gmalloc", shape, 1), seconds("c", "mimalloc", shape, 1));
            t.add(new Target(
                    "shape " + shape + " time ÷ native mimalloc",
                    "≤ 1.0×",
                    measured(
                                    m,
                                    seconds("java", "gmalloc", shape, 1),
                                    seconds("c", "mimalloc", shape, 1),
                                    " s",
                                    "native mimalloc")
                            + cpuNote("gmalloc", shape, 1, "c", "mimalloc"),
                    verdict(m, r -> r <= 1.0)));
        }
        Optional<Double> vec = ratio(growth("java", "vec3", "vec3"), growth("java", "gmalloc", "vec3"));
        t.add(new Target(
                "`Vec3` bucket (12 B) memory ÷ 16-byte general bucket",
                "≤ 0.8×",
                measured(
                        vec,
                        growth("java", "vec3", "vec3"),
                        growth("java", "gmalloc", "vec3"),
                        " MB",
                        "16-byte bucket"),
                verdict(vec, r -> r <= 0.8)));
        Optional<Double> acc =
                ratio(jmh.score("AccessorBenchmark", "typed"), jmh.score("AccessorBenchmark", "segment"));
        t.add(new Target(
                "generated `Vec3` accessors ÷ hand-written `MemorySegment`",
                "≤ 1.1×",
                acc.isEmpty() && jmh.isEmpty()
                        ? notMeasured("")
                        : measured(
                                acc,
                                jmh.score("AccessorBenchmark", "typed"),
                                jmh.score("AccessorBenchmark", "segment"),
                                " ns",
                                "hand-written"),
                verdict(acc, r -> r <= 1.1)));
        t.add(peerTarget("alloc+free pair 8 B ÷ fastest Java peer", "", "pair"));
        t.add(peerTarget("batch of 500 × 8 B ÷ fastest Java peer", "batch", "batch"));
        t.add(regionTarget());
        t.add(new Target(
                "alloc+free pair 8 B ÷ a bump pointer in the same loop",
                "≤ 6×",
                "not measured by bench/run (no bump-pointer anchor yet)",
                Verdict.NA));
        t.add(new Target(
                "first `gmalloc` + `gfree` in a fresh JVM",
                "≤ 50 ms, ≤ 8 MiB RSS",
                "not measured by bench/run: see docs/perf-findings.md (first use)",
                Verdict.NA));
        return t;
    }

    private static String measured(
            Optional<Double> ratio, Optional<Double> a, Optional<Double> b, String unit, String anchor) {
        if (ratio.isEmpty()) {
            return a.isEmpty() ? "gmalloc not measured" : "not measured (" + anchor + " missing)";
        }
        return x(ratio.get()) + " (" + num(a.get()) + unit + " vs " + num(b.get()) + unit + ")";
    }

    // ---- formatting ----------------------------------------------------------------------------------

    static String x(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.2f×", ratio);
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String s(Optional<Double> seconds) {
        return seconds.map(v -> num(v) + " s").orElse("–");
    }

    private String cell(Optional<JmhResults.Row> row, String anchor) {
        if (row.isEmpty()) {
            String lib = anchor.contains("emalloc") ? "jemalloc" : anchor.contains("imalloc") ? "mimalloc" : "";
            return !lib.isEmpty() && meta.getProperty(lib, "").startsWith("skipped") ? "skipped" : "–";
        }
        JmhResults.Row r = row.get();
        return Double.isNaN(r.error()) || r.error() == 0 ? num(r.score()) : num(r.score()) + " ± " + num(r.error());
    }

    private String m(String key) {
        return meta.getProperty(key, "?");
    }

    // ---- charts -----------------------------------------------------------------------------------------

    // ---- Java peers (PeerBenchmark) -------------------------------------------------------------------------

    /** PeerBenchmark method stems and their labels; the batch method is "batch" + the capitalised stem. */
    static final String[][] PEERS = {
        {"lwjglMimalloc", "LWJGL 3.4 mimalloc (JNI)"},
        {"lwjglRpmalloc", "LWJGL 3.4 rpmalloc (JNI)"},
        {"lwjglJemalloc", "LWJGL 3.4 jemalloc (JNI)"},
        {"nettyPooled", "Netty 4.2 pooled direct"},
        {"nettyAdaptive", "Netty 4.2 adaptive direct"},
        {"arenaConfined", "`Arena.ofConfined()` per object"},
        {"arenaShared", "`Arena.ofShared()` per object"},
        {"heap", "heap `new` (GC not included)"},
    };

    private static String method(String prefix, String stem) {
        return prefix.isEmpty() ? stem : prefix + Character.toUpperCase(stem.charAt(0)) + stem.substring(1);
    }

    /** The fastest off-heap peer's score for "pair" ("") or "batch"; heap {@code new} is shown, not a peer. */
    private Optional<String[]> fastestPeer(String prefix) {
        String[] best = null;
        double bestScore = Double.MAX_VALUE;
        for (String[] p : PEERS) {
            if (p[0].equals("heap") || (prefix.equals("batch") && p[0].equals("arenaShared"))) {
                continue;
            }
            Optional<Double> v = jmh.score("PeerBenchmark", method(prefix, p[0]));
            if (v.isPresent() && v.get() < bestScore) {
                bestScore = v.get();
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    private Target peerTarget(String name, String prefix, String kind) {
        Optional<Double> g = jmh.score("PeerBenchmark", method(prefix, "gmalloc"));
        Optional<String[]> best = fastestPeer(prefix);
        if (g.isEmpty() || best.isEmpty()) {
            return new Target(name, "≤ 0.35×", "not measured (PeerBenchmark not in this run)", Verdict.NA);
        }
        double b = jmh.score("PeerBenchmark", method(prefix, best.get()[0])).orElseThrow();
        double r = g.get() / b;
        return new Target(
                name,
                "≤ 0.35×",
                String.format(
                        java.util.Locale.ROOT,
                        "%.2f× (%.1f ns vs %s %.1f ns per %s)",
                        r,
                        g.get(),
                        best.get()[1],
                        b,
                        kind),
                r <= 0.35 ? Verdict.MET : Verdict.MISSED);
    }

    private void peersTable(StringBuilder b) {
        if (jmh.score("PeerBenchmark", "gmalloc").isEmpty()) {
            return;
        }
        b.append("\n## Java peers (8 B, `PeerBenchmark`)\n\n");
        b.append("ns per alloc+free, pair and per pair in a batch of 500 (all allocated, then all freed); ")
                .append("gmalloc ÷ peer in brackets (lower is better). LWJGL runs with ")
                .append("`-Dorg.lwjgl.system.memoryBackend=ffm`; heap `new` costs the GC more than it shows here ")
                .append("(run `BENCH_JMH_ARGS='-prof gc'` to see it, and the GC story below).\n\n");
        b.append("| | pair, ns | batch, ns/pair |\n|---|---|---|\n");
        double gp = jmh.score("PeerBenchmark", "gmalloc").orElse(Double.NaN);
        double gb = jmh.score("PeerBenchmark", "batchGmalloc").orElse(Double.NaN);
        b.append(String.format(java.util.Locale.ROOT, "| **gmalloc** | %.1f | %.1f |%n", gp, gb));
        for (String[] p : PEERS) {
            b.append("| ")
                    .append(p[1])
                    .append(" | ")
                    .append(cell(gp, jmh.score("PeerBenchmark", p[0])))
                    .append(" | ")
                    .append(cell(gb, jmh.score("PeerBenchmark", method("batch", p[0]))))
                    .append(" |\n");
        }
        b.append("\n![Java peers](").append(name).append("-peers.png)\n");
    }

    // ---- regions and site tracking (RegionBenchmark, RequestBenchmark, SitesBenchmark) ---------------------

    /** docs/design.md §6: a region's pair ≤ 0.7× the GMalloc pair, 8 B, both from {@code RegionBenchmark}. */
    private Target regionTarget() {
        Optional<Double> region = jmh.score("RegionBenchmark", "region", "size", "8");
        Optional<Double> gmalloc = jmh.score("RegionBenchmark", "gmalloc", "size", "8");
        Optional<Double> r = ratio(region, gmalloc);
        return new Target(
                "`Region` pair 8 B ÷ `GMalloc` pair",
                "≤ 0.7×",
                r.isEmpty()
                        ? "not measured (RegionBenchmark not in this run)"
                        : measured(r, region, gmalloc, " ns", "GMalloc pair"),
                verdict(r, x -> x <= 0.7));
    }

    private void regionsTable(StringBuilder b) {
        if (jmh.score("RegionBenchmark", "region", "size", "8").isEmpty()
                && jmh.score("RequestBenchmark", "region").isEmpty()
                && jmh.score("SitesBenchmark", "off", "size", "8").isEmpty()) {
            return;
        }
        b.append("\n## Regions and site tracking\n\n");
        b.append("`RegionBenchmark`: ns per alloc+free pair in a region (freed with `region.free` or `GMalloc.gfree`), "
                + "the `GMalloc` pair and one `Arena.ofConfined()` per object. `RequestBenchmark`: one request = open, "
                + "200 allocations of mixed sizes (8 B to 4 KiB), close; ns per request. `SitesBenchmark`: the `GMalloc` "
                + "pair with `-Dgmalloc.trackSites` off, on (1 allocation in 1024 records its stack, the default) and on for every "
                + "allocation, each in a fork of its own.\n\n");
        b.append("| measure | ns |\n|---|---|\n");
        for (String size : List.of("8", "64", "256")) {
            for (String[] m : new String[][] {
                {"region", "region pair"},
                {"regionGfree", "region alloc + gfree"},
                {"gmalloc", "GMalloc pair"},
                {"arenaConfined", "Arena.ofConfined() per object"}
            }) {
                jmh.score("RegionBenchmark", m[0], "size", size)
                        .ifPresent(v ->
                                b.append(String.format(java.util.Locale.ROOT, "| %s, %s B | %.1f |%n", m[1], size, v)));
            }
        }
        for (String[] m : new String[][] {
            {"region", "request in a Region"},
            {"arenaConfined", "request in an Arena.ofConfined()"},
            {"gmalloc", "request with GMalloc, 200 gfree"}
        }) {
            jmh.score("RequestBenchmark", m[0])
                    .ifPresent(v -> b.append(String.format(java.util.Locale.ROOT, "| %s | %.0f |%n", m[1], v)));
        }
        for (String size : List.of("8", "64")) {
            for (String[] m : new String[][] {
                {"off", "tracking off"},
                {"on", "tracking on, sampled 1/1024 (default)"},
                {"onEveryAllocation", "tracking on, every allocation"}
            }) {
                jmh.score("SitesBenchmark", m[0], "size", size)
                        .ifPresent(v -> b.append(String.format(
                                java.util.Locale.ROOT, "| GMalloc pair %s B, %s | %.1f |%n", size, m[1], v)));
            }
        }
    }

    private static String cell(double g, Optional<Double> v) {
        return v.map(x -> String.format(java.util.Locale.ROOT, "%.1f (%.2f×)", x, g / x))
                .orElse("–");
    }

    private void peersChart(Path docs) throws IOException {
        if (jmh.score("PeerBenchmark", "gmalloc").isEmpty()) {
            return;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String[]> all = new ArrayList<>();
        all.add(new String[] {"gmalloc", "gmalloc"});
        all.addAll(List.of(PEERS));
        for (String[] p : all) {
            String label = p[1].replace("`", "");
            jmh.score("PeerBenchmark", p[0]).ifPresent(v -> data.addValue(v, label, "pair"));
            jmh.score("PeerBenchmark", method("batch", p[0])).ifPresent(v -> data.addValue(v, label, "batch of 500"));
        }
        Charts.bars(
                docs.resolve(name + "-peers.png"),
                "gmalloc and Java peers, 8 B (ns per alloc+free, lower is better)",
                "",
                "ns per alloc+free",
                data,
                1100,
                520);
    }

    void charts(Path docs) throws IOException {
        if (!jmh.isEmpty()) {
            pairChart(docs);
            peersChart(docs);
        }
        shapesChart(docs);
    }

    private void pairChart(Path docs) throws IOException {
        DefaultCategoryDataset pair = new DefaultCategoryDataset();
        for (String[] col : PAIR_COLUMNS) {
            for (int size : SIZES) {
                Optional<Double> v = pair(col[0], size);
                if (v.isPresent()) {
                    pair.addValue(v.get(), col[1].replace("`", ""), size + " B");
                }
            }
            String vec3Method = switch (col[0]) {
                case "gmalloc" -> "vec3Bucket";
                case "glibc", "arenaConfined", "mimallocZeroed", "glibcCalloc" -> "";
                default -> col[0];
            };
            if (!vec3Method.isEmpty()) {
                jmh.score("Vec3Benchmark", vec3Method)
                        .ifPresent(v -> pair.addValue(v, col[1].replace("`", ""), "Vec3 (12 B)"));
            }
        }
        Charts.bars(
                docs.resolve(pairChart()),
                "alloc + free pair, one thread (ns, lower is better)",
                "block size",
                "ns per alloc+free",
                pair,
                1100,
                520);
    }

    private void shapesChart(Path docs) throws IOException {

        DefaultCategoryDataset shape = new DefaultCategoryDataset();
        String[][] series = {
            {"java", "gmalloc", "gmalloc (Java)"},
            {"java", "mimalloc", "mimalloc via FFM"},
            {"java", "jemalloc", "jemalloc via FFM"},
            {"java", "glibc", "glibc via FFM"},
            {"c", "mimalloc", "mimalloc (C)"},
            {"c", "jemalloc", "jemalloc (C)"},
            {"c", "glibc", "glibc (C)"},
        };
        String[][] categories = {
            {"1", "1", "shape 1: alloc N, touch, free"},
            {"2", "2", "shape 2: 2 threads, no free"},
            {"3", "1", "shape 3: rounds of 500+500"}
        };
        for (String[] se : series) {
            for (String[] c : categories) {
                // CPU time of the working threads: on a shared machine wall time mostly measures the queue for a
                // core (a 0.33 s CPU run took 1.03 s wall here). Wall times stay in the tables and the targets.
                cpu(se[0], se[1], c[0], Integer.parseInt(c[1])).ifPresent(v -> shape.addValue(v, se[2], c[2]));
            }
        }
        Charts.bars(
                docs.resolve(shapesChart()),
                "seed shapes, whole processes (" + m("mode")
                        + " size): CPU time of the working threads, s, lower is better",
                "",
                "CPU seconds (shape 2: both threads summed)",
                shape,
                1100,
                480);
    }

    // ---- benchmarks.md ------------------------------------------------------------------------------------

    private String pairChart() {
        return name + "-pair.png";
    }

    private String shapesChart() {
        return name + "-shapes.png";
    }

    String report(List<Target> targets, boolean fullShapes) {
        StringBuilder b = new StringBuilder();
        b.append("# gmalloc benchmarks\n\n");
        b.append("Generated by `")
                .append(m("command"))
                .append("` on ")
                .append(m("date"))
                .append(". Do not edit by hand: rerun the command (see [README](../README.md#performance)).\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| command | `")
                .append(m("command"))
                .append("` (")
                .append(m("elapsed"))
                .append(") |\n");
        b.append("| what ran | ").append(whatRan(meta)).append(" |\n");
        b.append("| machine | ").append(m("host")).append(" |\n");
        b.append("| CPU | ").append(m("cpu")).append(" |\n");
        b.append("| memory | ").append(m("memory")).append(" |\n");
        b.append("| JDK | ").append(m("jdk").trim()).append(" |\n");
        b.append("| glibc | ").append(m("glibc")).append(" |\n");
        b.append("| jemalloc | ").append(m("jemalloc")).append(" |\n");
        b.append("| mimalloc | ").append(m("mimalloc")).append(" |\n");
        b.append("| C compiler | ").append(m("gcc")).append(" |\n");
        b.append("| sizes | ").append(m("sizes")).append(" |\n");
        b.append("| load average | start ")
                .append(m("loadStart"))
                .append(", end ")
                .append(m("loadEnd"))
                .append(" |\n\n");

        b.append("## docs/design.md §6 targets\n\n");
        b.append(
                "Ratios are gmalloc ÷ the anchor, both measured in this run (lower is better unless the goal says ≥).\n\n");
        targetTable(b, targets);
        if (fullShapes) {
            b.append(
                    "\nThe seed shapes at the seed's sizes (N = 100 M) are in [benchmarks-full.md](benchmarks-full.md).\n");
        }
        if (!jmh.isEmpty()) {
            b.append("\n![alloc+free pair](").append(pairChart()).append(")\n");
        }
        peersTable(b);
        regionsTable(b);
        b.append('\n');
        b.append("![seed shapes](").append(shapesChart()).append(")\n\n");

        b.append("## alloc+free pair, one thread (JMH, ns per pair)\n\n");
        b.append(
                "`PairBenchmark`: `p = alloc(size); free(p)`. gmalloc zero-fills its blocks (its contract); malloc does not. "
                        + "FFM anchors take `long` addresses; \"critical\" = `Linker.Option.critical(false)`. "
                        + "`mi_zalloc` and `calloc` zero their blocks like gmalloc does: the fair comparison for larger sizes, "
                        + "where zeroing dominates (docs/design.md §6 compares with plain malloc). ÷ mi_zalloc is informative.\n\n");
        b.append("| size |");
        for (String[] c : PAIR_COLUMNS) {
            b.append(' ').append(c[1]).append(" |");
        }
        b.append(" ÷ mimalloc | ÷ jemalloc | ÷ mi_zalloc | Arena ÷ gmalloc |\n|---|");
        b.append("---:|".repeat(PAIR_COLUMNS.length + 4)).append('\n');
        for (int size : SIZES) {
            b.append("| ").append(size).append(" B |");
            for (String[] c : PAIR_COLUMNS) {
                b.append(' ')
                        .append(cell(jmh.find("PairBenchmark", c[0], "", "size", Integer.toString(size)), c[0]))
                        .append(" |");
            }
            b.append(' ')
                    .append(ratio(pair("gmalloc", size), pair("mimalloc", size))
                            .map(ReportWriter::x)
                            .orElse("–"));
            b.append(" | ")
                    .append(ratio(pair("gmalloc", size), pair("jemalloc", size))
                            .map(ReportWriter::x)
                            .orElse("–"));
            b.append(" | ")
                    .append(ratio(pair("gmalloc", size), pair("mimallocZeroed", size))
                            .map(ReportWriter::x)
                            .orElse("–"));
            b.append(" | ")
                    .append(ratio(pair("arenaConfined", size), pair("gmalloc", size))
                            .map(ReportWriter::x)
                            .orElse("–"));
            b.append(" |\n");
        }

        b.append("\n## Vec3 (12 B) pair (JMH, ns per pair)\n\n");
        b.append("Vec3 accessors: ").append(VEC3_SOURCE).append(".\n\n");
        b.append(
                "| Vec3 bucket | gmalloc(12) → 16 B bucket | mimalloc | jemalloc | glibc (critical) | heap `new Vec3` |\n");
        b.append("|---:|---:|---:|---:|---:|---:|\n| ");
        for (String method : List.of("vec3Bucket", "gmalloc", "mimalloc", "jemalloc", "glibcCritical", "heap")) {
            b.append(cell(jmh.find("Vec3Benchmark", method, ""), method)).append(" | ");
        }
        b.append("\n\n## Batches of 500 (JMH, ns per alloc+free pair)\n\n");
        b.append(
                "`BatchBenchmark`: allocate 500 × 8 B, then free them in allocation order or in a fixed random order.\n\n");
        b.append(
                "| free order | gmalloc | mimalloc | jemalloc | glibc (critical) | gmalloc ÷ mimalloc | gmalloc ÷ glibc |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (String order : List.of("inOrder", "random")) {
            b.append("| ").append(order).append(" | ");
            for (String method : List.of("gmalloc", "mimalloc", "jemalloc", "glibcCritical")) {
                b.append(cell(jmh.find("BatchBenchmark", method, "", "order", order), method))
                        .append(" | ");
            }
            Optional<Double> g = jmh.score("BatchBenchmark", "gmalloc", "order", order);
            b.append(ratio(g, jmh.score("BatchBenchmark", "mimalloc", "order", order))
                            .map(ReportWriter::x)
                            .orElse("–"))
                    .append(" | ")
                    .append(ratio(g, jmh.score("BatchBenchmark", "glibcCritical", "order", order))
                            .map(ReportWriter::x)
                            .orElse("–"))
                    .append(" |\n");
        }
        b.append("\n## Field access (JMH, ns per Vec3: 3 reads + 3 writes)\n\n");
        b.append(
                "| typed accessors | hand-written `MemorySegment` | heap fields | typed ÷ hand-written |\n|---:|---:|---:|---:|\n| ");
        for (String method : List.of("typed", "segment", "heapFields")) {
            b.append(cell(jmh.find("AccessorBenchmark", method, ""), method)).append(" | ");
        }
        b.append(ratio(jmh.score("AccessorBenchmark", "typed"), jmh.score("AccessorBenchmark", "segment"))
                        .map(ReportWriter::x)
                        .orElse("–"))
                .append(" |\n");

        b.append("\n## Two threads (JMH, 8 B)\n\n");
        b.append(
                "Same-thread: both threads run pairs on their own blocks (ns per pair per thread; one thread: the 8 B row above). "
                        + "Cross-thread: a producer allocates, a consumer frees what it receives through an SPSC ring "
                        + "(remote frees); ns per block handed over = 1000 ÷ transfers per µs.\n\n");
        b.append(
                "| allocator | same-thread, ns per pair | one thread, ns per pair | cross-thread, ns per block |\n|---|---:|---:|---:|\n");
        String[][] th = {
            {"Gmalloc", "gmalloc"},
            {"Mimalloc", "mimalloc"},
            {"Jemalloc", "jemalloc"},
            {"GlibcCritical", "glibcCritical"}
        };
        for (String[] a : th) {
            b.append("| ")
                    .append(a[1])
                    .append(" | ")
                    .append(cell(jmh.find("ThreadsBenchmark", "same" + a[0], ""), a[1]))
                    .append(" | ")
                    .append(cell(jmh.find("PairBenchmark", a[1], "", "size", "8"), a[1]))
                    .append(" | ")
                    .append(jmh.find("ThreadsBenchmark", "cross" + a[0], "transfers")
                            .filter(r -> r.score() > 0)
                            .map(r -> num(1000 / r.score()))
                            .orElse(cell(Optional.empty(), a[1])))
                    .append(" |\n");
        }

        b.append("\n## Seed shapes as whole processes: Java vs native\n\n");
        b.append("Each row is the median of fresh processes (")
                .append(m("sizes"))
                .append("). Time covers the shape only "
                        + "(wall clock; in brackets the CPU time of the threads that ran it, which leaves out time spent waiting "
                        + "for a core on this shared machine); "
                        + "RSS growth = VmHWM at the end − VmRSS at start − the pointer array (the JVM's own growth, JIT and "
                        + "GC structures, is included in the Java figures: ~10–20 MB). Java rows call the allocator from Java "
                        + "(gmalloc directly, the others through FFM critical downcalls); native rows are `bench/native/shapes.c` "
                        + "(jemalloc/mimalloc through `LD_PRELOAD`).\n\n");
        b.append(
                "| shape | allocator | Java: time s (CPU s) | Java: RSS growth MB | native C: time s (CPU s) | native C: RSS growth MB | process wall s (Java / C) |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|\n");
        String[][] sh = {
            {"1", "1", "1: alloc N, touch, free all"},
            {"2", "2", "2: 2 threads × N/2, no frees"},
            {"3", "1", "3: rounds of {500 alloc, 500 free}"}
        };
        for (String[] s : sh) {
            for (String impl : List.of("gmalloc", "mimalloc", "jemalloc", "glibc")) {
                Optional<Run> j = shapes.get("java", impl, s[0], Integer.parseInt(s[1]));
                Optional<Run> c =
                        impl.equals("gmalloc") ? Optional.empty() : shapes.get("c", impl, s[0], Integer.parseInt(s[1]));
                if (j.isEmpty() && c.isEmpty()) {
                    String why =
                            impl.equals("gmalloc") ? "not measured (see scenarios.txt)" : meta.getProperty(impl, "");
                    if (!why.startsWith("skipped") && !impl.equals("gmalloc")) {
                        why = "not measured";
                    }
                    b.append("| ")
                            .append(s[2])
                            .append(" | ")
                            .append(impl)
                            .append(" | ")
                            .append(why)
                            .append(" | | | | |\n");
                    continue;
                }
                b.append("| ")
                        .append(s[2])
                        .append(" | ")
                        .append(impl)
                        .append(" | ")
                        .append(j.map(r -> num(r.seconds()) + " (" + num(r.cpuSeconds()) + ")")
                                .orElse("–"))
                        .append(" | ")
                        .append(j.map(r -> num(r.growthMb())).orElse("–"))
                        .append(" | ")
                        .append(c.map(r -> num(r.seconds()) + " (" + num(r.cpuSeconds()) + ")")
                                .orElse(impl.equals("gmalloc") ? "(Java only)" : "–"))
                        .append(" | ")
                        .append(c.map(r -> num(r.growthMb())).orElse("–"))
                        .append(" | ")
                        .append(j.map(r -> num(r.wall())).orElse("–"))
                        .append(" / ")
                        .append(c.map(r -> num(r.wall())).orElse("–"))
                        .append(" |\n");
            }
        }
        b.append("\n### Shape 2 scaling (M allocations per second; scaling vs 1 thread)\n\n");
        b.append("This machine has ")
                .append(m("cpu").replaceAll(".*\\((\\d+) cores\\).*", "$1"))
                .append(" cores: 10 threads show oversubscription, not parallelism.\n\n");
        b.append(
                "| allocator | 1 thread | 2 threads | 10 threads | 2 ÷ 1 | 10 ÷ 1 |\n|---|---:|---:|---:|---:|---:|\n");
        for (String lang : List.of("java", "c")) {
            for (String impl : List.of("gmalloc", "mimalloc", "jemalloc", "glibc")) {
                Optional<Run> one = shapes.get(lang, impl, "2", 1);
                if (one.isEmpty()) {
                    continue;
                }
                Optional<Run> two = shapes.get(lang, impl, "2", 2);
                Optional<Run> ten = shapes.get(lang, impl, "2", 10);
                b.append("| ")
                        .append(impl)
                        .append(lang.equals("c") ? " (C)" : " (Java)")
                        .append(" | ")
                        .append(num(one.get().perSecond() / 1e6))
                        .append(" | ")
                        .append(two.map(r -> num(r.perSecond() / 1e6)).orElse("–"))
                        .append(" | ")
                        .append(ten.map(r -> num(r.perSecond() / 1e6)).orElse("–"))
                        .append(" | ")
                        .append(two.map(r -> x(r.perSecond() / one.get().perSecond()))
                                .orElse("–"))
                        .append(" | ")
                        .append(ten.map(r -> x(r.perSecond() / one.get().perSecond()))
                                .orElse("–"))
                        .append(" |\n");
            }
        }
        b.append("\n### Vec3 memory (N live 12-byte blocks)\n\n");
        b.append("| bucket | RSS growth MB | gmalloc committed MB |\n|---|---:|---:|\n");
        for (String[] v : new String[][] {
            {"vec3", "dedicated Vec3 bucket (stride 12)"}, {"gmalloc", "general 16-byte bucket (gmalloc(12))"}
        }) {
            Optional<Run> r = shapes.get("java", v[0], "vec3", 1);
            b.append("| ")
                    .append(v[1])
                    .append(" | ")
                    .append(r.map(x -> num(x.growthMb())).orElse("–"))
                    .append(" | ")
                    .append(r.map(x -> num(x.committedMb())).orElse("–"))
                    .append(" |\n");
        }

        b.append("\n## Native reference figures (C, N = 100 M, recorded 2026-11-25 on this machine kind)\n\n");
        b.append("| shape | glibc | jemalloc | mimalloc | seed's C gmalloc |\n|---|---|---|---|---|\n");
        b.append(
                "| 1: alloc N, touch, free all | ~5.3 s, 3815 MB | 1.6 s, 1551 MB | 0.68 s, 769 MB | 2.4–9.6 s, 2816 MB |\n");
        b.append("| 2: 2 threads × N/2, no frees | 3.3 s | 0.57 s | 0.25 s | 0.77 s |\n");
        b.append("| 3: 1 M × {500 alloc, 500 free} | 3.6 s | 2.9 s | 1.4–1.6 s | 5.6 s |\n\n");
        b.append("The targets above compare against the native figures of *this* run, not this table.\n");

        b.append("\n## Notes\n\n");
        b.append(
                "- Noise: the machine is shared (load average above); JMH error bars are 99.9 % intervals where there were "
                        + "enough samples. Treat differences under ~10 % as noise in `quick` mode.\n");
        b.append("- gmalloc runs with all of its checks on (docs/design.md §6: no guarantee is traded for speed).\n");
        if (!shapes.failed().isEmpty()) {
            b.append("- Failed scenario processes: ");
            b.append(String.join(
                            "; ",
                            shapes.failed().stream().map(f -> "`" + f + "`").toList()))
                    .append('\n');
        }
        if (jmh.isEmpty()) {
            b.append("- No JMH results in this run.\n");
        }
        return b.toString();
    }

    private static void targetTable(StringBuilder b, List<Target> targets) {
        b.append("| target | goal | measured | verdict |\n|---|---|---|---|\n");
        for (Target t : targets) {
            b.append("| ")
                    .append(t.name())
                    .append(" | ")
                    .append(t.goal())
                    .append(" | ")
                    .append(t.measured())
                    .append(" | ")
                    .append(t.verdict().text)
                    .append(" |\n");
        }
        if (targets.stream().anyMatch(t -> t.measured().contains(NOISY))) {
            b.append("\n")
                    .append(NOISY)
                    .append(" a JMH score in this ratio has a 99.9 % error above half its value "
                            + "(other load on the machine): read that ratio as noise.\n");
        }
    }

    // ---- README section ---------------------------------------------------------------------------------

    String section(List<Target> targets, boolean fullShapes) {
        StringBuilder b = new StringBuilder();
        b.append("## Performance\n\n");
        b.append("![alloc+free pair, ns](docs/").append(pairChart()).append(")\n\n");
        b.append("![seed shapes, CPU s](docs/").append(shapesChart()).append(")\n\n");
        if (jmh.score("PeerBenchmark", "gmalloc").isPresent()) {
            b.append("![Java peers, 8 B](docs/").append(name).append("-peers.png)\n\n");
        }
        b.append("Measured by `")
                .append(m("command"))
                .append("` on ")
                .append(m("date"))
                .append(": ")
                .append(m("cpu"))
                .append(", ")
                .append(m("jdk").trim())
                .append(". Every ratio is gmalloc ÷ an anchor measured in the same run; "
                        + "anchors are glibc, jemalloc and mimalloc called through FFM (`Linker.Option.critical(false)`) and the same "
                        + "allocators in native C (`bench/native/shapes.c`). Full tables: [docs/benchmarks.md](docs/benchmarks.md)"
                        + (fullShapes
                                ? "; the shapes at the seed's sizes (N = 100 M): [docs/benchmarks-full.md](docs/benchmarks-full.md)"
                                : "")
                        + ".\n\n");
        long met = targets.stream().filter(t -> t.verdict() == Verdict.MET).count();
        long missed =
                targets.stream().filter(t -> t.verdict() == Verdict.MISSED).count();
        long inconclusive = targets.stream()
                .filter(t -> t.verdict() == Verdict.INCONCLUSIVE)
                .count();
        b.append("docs/design.md §6 targets: ")
                .append(met)
                .append(" met, ")
                .append(missed)
                .append(" missed, ")
                .append(inconclusive)
                .append(" inconclusive, ")
                .append(targets.size() - met - missed - inconclusive)
                .append(" not measured in this run.\n\n");
        targetTable(b, targets);
        if (seedSize != null) {
            List<Target> seed = seedSize.targets().stream()
                    .filter(t -> t.verdict() != Verdict.NA)
                    .toList();
            b.append("\nThe shapes again at the seed's sizes (")
                    .append(seedSize.m("sizes"))
                    .append("; `")
                    .append(seedSize.m("command"))
                    .append("` with `BENCH_SKIP=jmh`, ")
                    .append(seedSize.m("date"))
                    .append(", [docs/benchmarks-full.md](docs/benchmarks-full.md)):\n\n");
            targetTable(b, seed);
        }
        b.append("\nThe machine was shared while measuring (load average ")
                .append(m("loadStart"))
                .append(" → ")
                .append(m("loadEnd"))
                .append("); treat differences under ~10 % as noise.");
        if (findings) {
            b.append(" Profiling notes on the misses and proposals for the runtime: "
                    + "[docs/perf-findings.md](docs/perf-findings.md).");
        }
        b.append("\n\n");
        b.append("### Reproduce\n\n```sh\n");
        b.append(
                "bench/run quick   # a few minutes: JMH + the seed shapes at N = 10 M; writes docs/benchmarks.md and the charts\n");
        b.append("bench/run full    # the seed's sizes (N = 100 M, 1 M rounds); much longer\n");
        b.append("bench/run smoke   # CI check (< 3 min): everything at tiny sizes, no timing assertion\n```\n\n");
        b.append(
                "Needs JDK 25 (found like `./mvnw` does) and, for native figures, gcc. As root with apt-get the runner installs "
                        + "`libjemalloc2` and `libmimalloc2.0`; otherwise rows for a missing allocator say \"skipped\". "
                        + "`BENCH_JMH_INCLUDE=Pair BENCH_JMH_ARGS='-prof gc' bench/run quick` narrows or profiles the JMH part; a narrowed "
                        + "run (or a smoke run) writes its report under `bench/out/` only and leaves the published one alone.\n");
        return b.toString();
    }
}
