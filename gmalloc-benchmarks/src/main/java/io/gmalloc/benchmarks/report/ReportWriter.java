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
    /** The thread-CPU-time pair harness (cputime.txt); empty when it did not run. */
    private final CpuResults cpu;
    /** First use in fresh JVMs (firstuse.txt). */
    private final FirstUseResults firstUse;
    /** Shape 1 at the other sizes, for peak RSS (rss.txt). */
    private final ScenarioResults rssSizes;

    /** Whether docs/perf-findings.md (the hand-written profiling notes) exists, to link it. */
    private boolean findings;

    /** The shapes of a seed-size ('full') run, shown in the README section when given; null otherwise. */
    private ReportWriter seedSize;

    private ReportWriter(
            Properties meta,
            JmhResults jmh,
            ScenarioResults shapes,
            CpuResults cpu,
            FirstUseResults firstUse,
            ScenarioResults rssSizes,
            String name) {
        this.name = name;
        this.meta = meta;
        this.jmh = jmh;
        this.shapes = shapes;
        this.cpu = cpu;
        this.firstUse = firstUse;
        this.rssSizes = rssSizes;
    }

    /** Reads every result file of one {@code bench/run} output folder; a missing file reads as not measured. */
    static ReportWriter read(Path out, String name) throws IOException {
        return new ReportWriter(
                readMeta(out),
                JmhResults.read(out.resolve("jmh.csv")),
                ScenarioResults.read(out.resolve("scenarios.txt")),
                CpuResults.read(out.resolve("cputime.txt")),
                FirstUseResults.read(out.resolve("firstuse.txt")),
                ScenarioResults.read(out.resolve("rss.txt")),
                name);
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
        ReportWriter w = read(out, name);
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
                    CpuResults.read(full.resolve("none.txt")),
                    FirstUseResults.read(full.resolve("none.txt")),
                    ScenarioResults.read(full.resolve("rss.txt")),
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
        for (String part : List.of("jmh", "cpu", "firstuse", "scenarios", "rss", "native")) {
            boolean skipped = skip.contains("," + part + ",");
            String label = switch (part) {
                case "jmh" -> "JMH (" + (include.isEmpty() ? "all benchmarks" : "only " + include) + ")";
                case "cpu" -> "thread-CPU pairs";
                case "firstuse" -> "first use";
                case "rss" -> "shape 1 RSS sizes";
                default -> part;
            };
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

        t.addAll(cpuTargets());
        t.add(rssTarget());
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
        t.add(firstUseTarget());
        return t;
    }

    // ---- the thread-CPU-time pair harness, first use, RSS at three sizes -------------------------------------

    /** docs/design.md §6's shape 1 sizes for peak RSS. */
    static final long[] RSS_SIZES = {10_000_000L, 20_000_000L, 100_000_000L};

    /** The compiles the harness reports, with their labels. */
    static final String[][] COMPILES = {
        {"c2", "tiered (C2), each loop its own method"},
        {"osr", "on-stack replacement (loop in a method's first and only call)"},
        {"large", "inside a large caller (26-case switch, pair near the end)"},
        {"c1", "C1 only (child JVM, -XX:TieredStopAtLevel=1)"},
    };

    private Optional<Double> cpuNs(String compile, String contender, int size) {
        return cpu.ns(compile, contender, size);
    }

    /** The glibc pair to compare a compile with: its own phase's (OSR, C1) or the interleaved tiered one. */
    private Optional<Double> glibcFor(String compile, int size) {
        return switch (compile) {
            case "osr", "c1" -> cpuNs(compile, "glibcCritical", size);
            default -> cpuNs("c2", "glibcCritical", size);
        };
    }

    private String cpuNotMeasured() {
        if (meta.getProperty("skip", "").contains("cpu")) {
            return "not measured (BENCH_SKIP=cpu)";
        }
        return cpu.failed() ? "not measured (the harness failed: see cputime.err)" : "not measured in this run";
    }

    /** One harness ratio a ÷ b as a target row. */
    private Target cpuTarget(
            String name, String goal, Optional<Double> a, Optional<Double> b, String anchor, DoublePredicate ok) {
        Optional<Double> r = ratio(a, b);
        if (r.isEmpty()) {
            String why = a.isPresent() && anchor.contains("mi_zalloc")
                    ? notMeasured("mimalloc")
                    : a.isPresent() ? "not measured (" + anchor + " missing)" : cpuNotMeasured();
            return new Target(name, goal, why, Verdict.NA);
        }
        return new Target(name, goal, measured(r, a, b, " ns", anchor), verdict(r, ok));
    }

    private List<Target> cpuTargets() {
        List<Target> t = new ArrayList<>();
        String how = " (thread CPU, same JVM)";
        t.add(cpuTarget(
                "alloc+free pair 8 B ÷ glibc (FFM, critical)" + how,
                "≤ 0.5×",
                cpuNs("c2", "gmalloc", 8),
                cpuNs("c2", "glibcCritical", 8),
                "glibc",
                r -> r <= 0.5));
        t.add(cpuTarget(
                "alloc+free pair 8 B ÷ a bump pointer in the same JVM" + how,
                "≤ 6×",
                cpuNs("c2", "gmalloc", 8),
                cpuNs("c2", "bump", 8),
                "bump pointer",
                r -> r <= 6));
        t.add(cpuTarget(
                "`Arena.ofConfined()` per 8 B object ÷ gmalloc pair (speed-up)" + how,
                "≥ 4×",
                cpuNs("c2", "arenaConfined", 8),
                cpuNs("c2", "gmalloc", 8),
                "gmalloc",
                r -> r >= 4));
        for (int size : new int[] {64, 256}) {
            t.add(cpuTarget(
                    "alloc+free pair " + size + " B ÷ `mi_zalloc` (FFM, critical)" + how,
                    "≤ 0.8×",
                    cpuNs("c2", "gmalloc", size),
                    cpuNs("c2", "mimallocZeroed", size),
                    "mi_zalloc",
                    r -> r <= 0.8));
        }
        t.add(cpuTarget(
                "batch of 500 × 8 B ÷ glibc (FFM, critical), per pair" + how,
                "≤ 0.3×",
                cpuNs("c2", "batchGmalloc", 8),
                cpuNs("c2", "batchGlibcCritical", 8),
                "glibc",
                r -> r <= 0.3));
        for (String[] c : COMPILES) {
            if (c[0].equals("c2")) {
                continue;
            }
            t.add(cpuTarget(
                    "pair 8 B " + c[1] + " ÷ glibc pair of the same JVM",
                    "≤ 0.5×",
                    cpuNs(c[0], "gmalloc", 8),
                    glibcFor(c[0], 8),
                    "glibc",
                    r -> r <= 0.5));
        }
        return t;
    }

    /** Shape 1 peak RSS, gmalloc ÷ native mimalloc, at every size measured (the main N and the RSS sizes). */
    private Optional<Run> shape1(String lang, String impl, long n) {
        Optional<Run> main = shapes.get(lang, impl, "1", 1, n);
        return main.isPresent() ? main : rssSizes.get(lang, impl, "1", 1, n);
    }

    /** Every shape 1 size with a gmalloc figure, ascending. */
    List<Long> shape1Sizes() {
        java.util.TreeSet<Long> sizes = new java.util.TreeSet<>(shapes.sizes("java", "gmalloc", "1", 1));
        sizes.addAll(rssSizes.sizes("java", "gmalloc", "1", 1));
        return List.copyOf(sizes);
    }

    static String count(long n) {
        return n % 1_000_000 == 0 ? n / 1_000_000 + " M" : n % 1000 == 0 ? n / 1000 + " k" : Long.toString(n);
    }

    private Target rssTarget() {
        String name = "shape 1 peak RSS growth ÷ native mimalloc, N = 10 M, 20 M, 100 M";
        StringBuilder cell = new StringBuilder();
        List<String> missedAt = new ArrayList<>();
        java.util.Set<Long> measuredAt = new java.util.HashSet<>();
        for (long n : shape1Sizes()) {
            Optional<Double> g = shape1("java", "gmalloc", n).map(Run::growthMb);
            Optional<Double> c = shape1("c", "mimalloc", n).map(Run::growthMb);
            Optional<Double> r = ratio(g, c);
            if (r.isEmpty()) {
                continue;
            }
            measuredAt.add(n);
            if (!cell.isEmpty()) {
                cell.append(", ");
            }
            cell.append(count(n))
                    .append(": ")
                    .append(x(r.get()))
                    .append(" (")
                    .append(num(g.get()))
                    .append(" vs ")
                    .append(num(c.get()))
                    .append(" MB)");
            if (r.get() > 1.05) {
                missedAt.add(count(n));
            }
        }
        if (measuredAt.isEmpty()) {
            String why = meta.getProperty("mimalloc", "").startsWith("skipped")
                    ? "not measured: " + meta.getProperty("mimalloc")
                    : meta.getProperty("gcc", "").startsWith("skipped")
                            ? "not measured: " + meta.getProperty("gcc")
                            : "not measured in this run";
            return new Target(name, "≤ 1.05×", why, Verdict.NA);
        }
        List<String> absent = java.util.Arrays.stream(RSS_SIZES)
                .filter(n -> !measuredAt.contains(n))
                .mapToObj(ReportWriter::count)
                .toList();
        Verdict v;
        if (!missedAt.isEmpty()) {
            v = Verdict.MISSED;
            cell.append(" (missed at ").append(String.join(", ", missedAt)).append(")");
        } else if (absent.isEmpty()) {
            v = Verdict.MET;
        } else {
            v = Verdict.INCONCLUSIVE;
        }
        if (!absent.isEmpty()) {
            cell.append("; not measured at ").append(String.join(", ", absent));
        }
        return new Target(name, "≤ 1.05×", cell.toString(), v);
    }

    private Target firstUseTarget() {
        String name = "first `gmalloc` + `gfree` in a fresh JVM (median of fresh JVMs)";
        String goal = "≤ 50 ms, ≤ 8 MiB RSS";
        Optional<FirstUseResults.Stat> ms = firstUse.ms();
        Optional<FirstUseResults.Stat> rss = firstUse.rssMb();
        if (ms.isEmpty() || rss.isEmpty()) {
            String why = meta.getProperty("skip", "").contains("firstuse")
                    ? "not measured (BENCH_SKIP=firstuse)"
                    : firstUse.failed() > 0 ? "not measured (failed: see firstuse.err)" : "not measured in this run";
            return new Target(name, goal, why, Verdict.NA);
        }
        boolean ok = ms.get().median() <= 50 && rss.get().median() <= 8;
        return new Target(
                name,
                goal,
                String.format(
                        Locale.ROOT,
                        "%s ms (%s–%s), %s MiB (%s–%s), %d JVMs",
                        num(ms.get().median()),
                        num(ms.get().min()),
                        num(ms.get().max()),
                        num(rss.get().median()),
                        num(rss.get().min()),
                        num(rss.get().max()),
                        ms.get().n()),
                ok ? Verdict.MET : Verdict.MISSED);
    }

    private void cpuSections(StringBuilder b) {
        b.append("\n## alloc+free pair, thread CPU time (one JVM, contenders interleaved)\n\n");
        b.append("`io.gmalloc.benchmarks.cpu.CpuPairs` (")
                .append(m("cpuSizes"))
                .append("): every contender is a loop of its own, run round by round in turn (the first one rotates); "
                        + "each figure is the minimum over the rounds of `ThreadMXBean.getCurrentThreadCpuTime()` per operation, "
                        + "so time spent waiting for a core drops out and contenders are compared side by side (this host switches between a "
                        + "fast and a slow mode: compare ratios, not nanoseconds across runs). Sizes are constants at the call "
                        + "site. The bump pointer takes the next 8 bytes of a pre-allocated 1 MiB segment, stores a zero long "
                        + "into them and starts over at the segment's base when it reaches the end (nothing to free). "
                        + "A batch allocates 500 × 8 B, then frees them in order (ns per pair). `Arena.ofConfined()` per "
                        + "object opens a confined arena, allocates 8 B in it and closes it.\n\n");
        if (cpu.isEmpty()) {
            b.append(capitalised(cpuNotMeasured())).append(".\n");
        } else {
            cpuPairTable(b);
        }
        compileSection(b);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void cpuPairTable(StringBuilder b) {
        b.append(
                "| size | gmalloc | glibc (FFM, critical) | `mi_zalloc` (FFM, critical) | bump pointer | ÷ glibc | ÷ mi_zalloc | ÷ bump |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int size : new int[] {8, 64, 256}) {
            Optional<Double> g = cpuNs("c2", "gmalloc", size);
            b.append("| ")
                    .append(size)
                    .append(" B | ")
                    .append(ns(g))
                    .append(" | ")
                    .append(ns(cpuNs("c2", "glibcCritical", size)))
                    .append(" | ")
                    .append(cpuNs("c2", "mimallocZeroed", size)
                            .map(ReportWriter::num)
                            .orElse(meta.getProperty("mimalloc", "").startsWith("skipped") ? "skipped" : "–"))
                    .append(" | ")
                    .append(ns(cpuNs("c2", "bump", size)))
                    .append(" | ")
                    .append(ratioCell(g, cpuNs("c2", "glibcCritical", size)))
                    .append(" | ")
                    .append(ratioCell(g, cpuNs("c2", "mimallocZeroed", size)))
                    .append(" | ")
                    .append(ratioCell(g, cpuNs("c2", "bump", size)))
                    .append(" |\n");
        }
        Optional<Double> arena = cpuNs("c2", "arenaConfined", 8);
        if (arena.isPresent()) {
            b.append("| 8 B, `Arena.ofConfined()` per object | ")
                    .append(ns(arena))
                    .append(" | | | | ")
                    .append(ratioCell(arena, cpuNs("c2", "glibcCritical", 8)))
                    .append(" | | |\n");
        }
        Optional<Double> bg = cpuNs("c2", "batchGmalloc", 8);
        b.append("| batch of 500 × 8 B, per pair | ")
                .append(ns(bg))
                .append(" | ")
                .append(ns(cpuNs("c2", "batchGlibcCritical", 8)))
                .append(" | | | ")
                .append(ratioCell(bg, cpuNs("c2", "batchGlibcCritical", 8)))
                .append(" | | |\n");
    }

    private void compileSection(StringBuilder b) {
        b.append("\n## The pair in every compile (thread CPU time)\n\n");
        b.append(
                "The same harness: on-stack replacement = the pair loops written out in one method that is called once "
                        + "(it runs first in the JVM); large caller = the pair as case 24 of a 26-case `switch` in one big "
                        + "loop whose other 24 cases run JDK code, enough to spend C2's inlining budget (hashing, `HashMap`, `CRC32`, `ByteBuffer`, heap "
                        + "`MemorySegment`, formatting), one of them after every fourth pair: per pair = (that program − the same "
                        + "program with the pair replaced by `sum += i`) ÷ pairs, both in the interleaved rounds; C1 only = the "
                        + "tiered contenders again in a child JVM with `-XX:TieredStopAtLevel=1`. \"÷ glibc\" is against the glibc "
                        + "pair of the same JVM and phase (the OSR method's own glibc loop, the interleaved tiered rounds, the C1 "
                        + "child's); \"÷ tiered\" against gmalloc's tiered pair of the main JVM.\n\n");
        if (cpu.isEmpty()) {
            b.append(capitalised(cpuNotMeasured())).append(".\n");
            return;
        }
        b.append("| compile | size | gmalloc ns | glibc ns (same JVM) | ÷ glibc | ÷ tiered gmalloc |\n");
        b.append("|---|---|---:|---:|---:|---:|\n");
        for (String[] c : COMPILES) {
            for (int size : new int[] {8, 64, 256}) {
                Optional<Double> g = cpuNs(c[0], "gmalloc", size);
                if (g.isEmpty()) {
                    continue;
                }
                Optional<Double> glibc = glibcFor(c[0], size).or(() -> glibcFor(c[0], 8));
                b.append("| ")
                        .append(c[1])
                        .append(" | ")
                        .append(size)
                        .append(" B | ")
                        .append(ns(g))
                        .append(" | ")
                        .append(ns(glibc))
                        .append(" | ")
                        .append(ratioCell(g, glibc))
                        .append(" | ")
                        .append(ratioCell(g, cpuNs("c2", "gmalloc", size)))
                        .append(" |\n");
            }
        }
        Optional<Double> program = cpuNs("large", "largeCallerProgram", 8);
        Optional<Double> baseline = cpuNs("large", "largeCallerBaseline", 8);
        if (program.isPresent() && baseline.isPresent()) {
            b.append("\nLarge caller, per pair op: program ")
                    .append(num(program.get()))
                    .append(" ns, baseline ")
                    .append(num(baseline.get()))
                    .append(" ns.\n");
        }
        Optional<Double> c1glibc = cpuNs("c1", "glibcCritical", 8);
        Optional<Double> c2glibc = cpuNs("c2", "glibcCritical", 8);
        if (c1glibc.isPresent() && c2glibc.isPresent()) {
            b.append("\nC1's own downcalls are slower too (glibc pair ")
                    .append(num(c1glibc.get()))
                    .append(" ns under C1 vs ")
                    .append(num(c2glibc.get()))
                    .append(" ns tiered, two JVMs): the C1 gmalloc pair ÷ the main JVM's tiered glibc pair is ")
                    .append(ratioCell(cpuNs("c1", "gmalloc", 8), c2glibc))
                    .append(" at 8 B.\n");
        }
    }

    private void firstUseSection(StringBuilder b) {
        b.append("\n## First use (fresh JVMs)\n\n");
        b.append("`io.gmalloc.benchmarks.scenario.FirstUse` in ")
                .append(m("firstUseReps"))
                .append(" fresh JVMs: the wall time of the very first `gmalloc(8)` + `gfree` (nothing of gmalloc "
                        + "touched before) and the growth of VmRSS across the two calls; median and range.\n\n");
        Optional<FirstUseResults.Stat> ms = firstUse.ms();
        Optional<FirstUseResults.Stat> rss = firstUse.rssMb();
        if (ms.isEmpty() || rss.isEmpty()) {
            b.append(capitalised(firstUseTarget().measured())).append(".\n");
            return;
        }
        b.append("| | median | min | max | JVMs |\n|---|---:|---:|---:|---:|\n");
        for (Object[] row : new Object[][] {{"time, ms", ms.get()}, {"RSS growth, MiB", rss.get()}}) {
            FirstUseResults.Stat st = (FirstUseResults.Stat) row[1];
            b.append("| ")
                    .append(row[0])
                    .append(" | ")
                    .append(num(st.median()))
                    .append(" | ")
                    .append(num(st.min()))
                    .append(" | ")
                    .append(num(st.max()))
                    .append(" | ")
                    .append(st.n())
                    .append(" |\n");
        }
        if (firstUse.failed() > 0) {
            b.append("\n").append(firstUse.failed()).append(" fresh JVM(s) failed (see firstuse.err).\n");
        }
    }

    private void rssSection(StringBuilder b) {
        b.append("\n## Shape 1 peak RSS at several sizes\n\n");
        b.append("Shape 1 (N × 8 B, touched, all freed) in fresh processes, RSS growth measured as in the shapes table "
                + "below (VmHWM at the end − VmRSS at start − the pointer array); gmalloc from Java, mimalloc native "
                + "(`LD_PRELOAD`). The other sizes run without the warm second run.\n\n");
        List<Long> sizes = shape1Sizes();
        if (sizes.isEmpty()) {
            b.append("Not measured in this run.\n");
            return;
        }
        b.append("| N | gmalloc (Java) MB | native mimalloc MB | ÷ mimalloc | gmalloc committed MB |\n");
        b.append("|---|---:|---:|---:|---:|\n");
        for (long n : sizes) {
            Optional<Run> g = shape1("java", "gmalloc", n);
            Optional<Run> c = shape1("c", "mimalloc", n);
            b.append("| ")
                    .append(count(n))
                    .append(" | ")
                    .append(g.map(r -> num(r.growthMb())).orElse("–"))
                    .append(" | ")
                    .append(c.map(r -> num(r.growthMb()))
                            .orElse(meta.getProperty("mimalloc", "").startsWith("skipped") ? "skipped" : "–"))
                    .append(" | ")
                    .append(ratioCell(g.map(Run::growthMb), c.map(Run::growthMb)))
                    .append(" | ")
                    .append(g.map(r -> num(r.committedMb())).orElse("–"))
                    .append(" |\n");
        }
    }

    private void warmSection(StringBuilder b) {
        b.append("\n## Seed shapes: first call and warm\n\n");
        b.append("First call = the shape's loops in a method's first call, timed from just after first use (what the "
                + "shape targets use); warm = the same shape run again in the same JVM right after (shape 2 then "
                + "allocates N more blocks; shape 1's warm run may include collecting the first run's pointer array). "
                + "Wall seconds, CPU seconds of the working threads in brackets; native mimalloc for reference.\n\n");
        b.append(
                "| shape | allocator | first call s (CPU) | warm s (CPU) | first ÷ warm (CPU) | native mimalloc s (CPU) |\n");
        b.append("|---|---|---:|---:|---:|---:|\n");
        boolean any = false;
        for (String[] s : new String[][] {{"1", "1", "1"}, {"2", "2", "2 (2 threads)"}, {"3", "1", "3"}}) {
            for (String impl : List.of("gmalloc", "mimalloc", "jemalloc", "glibc")) {
                Optional<Run> j = shapes.get("java", impl, s[0], Integer.parseInt(s[1]));
                if (j.isEmpty()) {
                    continue;
                }
                any = true;
                Run r = j.get();
                Optional<Run> c = shapes.get("c", "mimalloc", s[0], Integer.parseInt(s[1]));
                b.append("| ")
                        .append(s[2])
                        .append(" | ")
                        .append(impl.equals("gmalloc") ? "gmalloc" : impl + " (FFM)")
                        .append(" | ")
                        .append(secs(r.seconds()))
                        .append(" (")
                        .append(secs(r.cpuSeconds()))
                        .append(") | ")
                        .append(secs(r.warmSeconds()))
                        .append(" (")
                        .append(secs(r.warmCpuSeconds()))
                        .append(") | ")
                        .append(ratioCell(
                                Optional.of(r.cpuSeconds()).filter(Double::isFinite),
                                Optional.of(r.warmCpuSeconds()).filter(Double::isFinite)))
                        .append(" | ")
                        .append(c.map(x -> secs(x.seconds()) + " (" + secs(x.cpuSeconds()) + ")")
                                .orElse("–"))
                        .append(" |\n");
            }
        }
        if (!any) {
            b.append("| not measured in this run | | | | | |\n");
        }
    }

    /** Seconds with three significant digits below 10 s (small runs take milliseconds). */
    static String secs(double v) {
        if (Double.isNaN(v) || v >= 10) {
            return num(v);
        }
        return String.format(Locale.ROOT, v >= 1 ? "%.2f" : v >= 0.1 ? "%.3f" : "%.4f", v);
    }

    private static String ns(Optional<Double> v) {
        return v.map(ReportWriter::num).orElse("–");
    }

    private static String ratioCell(Optional<Double> a, Optional<Double> b) {
        return ratio(a, b).map(ReportWriter::x).orElse("–");
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

        cpuSections(b);
        firstUseSection(b);
        rssSection(b);
        warmSection(b);

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
        if (cpu.failed()) {
            b.append("- The thread-CPU pair harness failed in this run (see cputime.err).\n");
        }
        if (firstUse.failed() > 0) {
            b.append("- ").append(firstUse.failed()).append(" first-use JVM(s) failed (see firstuse.err).\n");
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
