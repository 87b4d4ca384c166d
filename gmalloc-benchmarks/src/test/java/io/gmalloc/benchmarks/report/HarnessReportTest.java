package io.gmalloc.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.gmalloc.benchmarks.report.ReportWriter.Target;
import io.gmalloc.benchmarks.report.ReportWriter.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thread-CPU pair harness, first use and shape 1 RSS sizes in the report: verdicts computed from the result
 * files, and "not measured" (n/a) rather than a crash when a file or a line is missing.
 */
class HarnessReportTest {
    @TempDir
    Path out;

    private void meta(String skip) throws IOException {
        Files.writeString(
                out.resolve("meta.properties"),
                "mode=quick\nskip=" + skip + "\ncpuSizes=1000 rounds\nfirstUseReps=5\nmimalloc=libmimalloc2.0 2.0\n");
    }

    private static Target row(List<Target> targets, String start) {
        return targets.stream()
                .filter(t -> t.name().startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no target row starting with " + start));
    }

    private ReportWriter writer() throws IOException {
        return ReportWriter.read(out, "benchmarks");
    }

    @Test
    void anEmptyRunGivesNotMeasuredRowsAndAReport() throws IOException {
        meta("");
        ReportWriter w = writer();
        List<Target> t = w.targets();
        for (String start : List.of(
                "alloc+free pair 8 B ÷ a bump pointer",
                "alloc+free pair 64 B ÷ `mi_zalloc`",
                "batch of 500 × 8 B ÷ glibc (FFM, critical), per pair (thread CPU",
                "pair 8 B on-stack replacement",
                "pair 8 B inside a large caller",
                "pair 8 B C1 only",
                "first `gmalloc` + `gfree`",
                "shape 1 peak RSS")) {
            Target r = row(t, start);
            assertThat(r.verdict()).as(start).isEqualTo(Verdict.NA);
            assertThat(r.measured()).as(start).contains("not measured");
        }
        String report = w.report(t, false);
        assertThat(report)
                .contains("## alloc+free pair, thread CPU time")
                .contains("## The pair in every compile")
                .contains("## First use (fresh JVMs)")
                .contains("## Shape 1 peak RSS at several sizes")
                .contains("## Seed shapes: first call and warm");
    }

    @Test
    void harnessLinesGiveComputedVerdicts() throws IOException {
        meta("");
        Files.writeString(
                out.resolve("cputime.txt"),
                String.join(
                        "\n",
                        "CPU compile=osr contender=gmalloc size=8 ns=6.000 rounds=10 ops=100",
                        "CPU compile=osr contender=glibcCritical size=8 ns=10.000 rounds=10 ops=100",
                        "CPU compile=c2 contender=gmalloc size=8 ns=4.000 rounds=10 ops=100",
                        "CPU compile=c2 contender=gmalloc size=64 ns=9.000 rounds=10 ops=100",
                        "CPU compile=c2 contender=glibcCritical size=8 ns=10.000 rounds=10 ops=100",
                        "CPU compile=c2 contender=mimallocZeroed size=64 ns=10.000 rounds=10 ops=100",
                        "CPU compile=c2 contender=bump size=8 ns=0.500 rounds=10 ops=100",
                        "CPU compile=c2 contender=arenaConfined size=8 ns=14.000 rounds=10 ops=100",
                        "CPU compile=c2 contender=batchGmalloc size=8 ns=2.000 rounds=10 ops=100",
                        "CPU compile=c2 contender=batchGlibcCritical size=8 ns=20.000 rounds=10 ops=100",
                        "CPU compile=large contender=gmalloc size=8 ns=4.500 rounds=10 ops=100",
                        "CPU compile=c1 contender=gmalloc size=8 ns=30.000 rounds=10 ops=100",
                        "CPU compile=c1 contender=glibcCritical size=8 ns=20.000 rounds=10 ops=100",
                        "CPU compile=c1 contender=gmalloc size=64 ns=garbled rounds=10 ops=100",
                        ""));
        List<Target> t = writer().targets();
        assertThat(row(t, "alloc+free pair 8 B ÷ glibc (FFM, critical) (thread CPU")
                        .verdict())
                .isEqualTo(Verdict.MET); // 0.4
        assertThat(row(t, "alloc+free pair 8 B ÷ a bump pointer").verdict()).isEqualTo(Verdict.MISSED); // 8
        assertThat(row(t, "alloc+free pair 64 B ÷ `mi_zalloc`").verdict()).isEqualTo(Verdict.MISSED); // 0.9
        Target arena = row(t, "`Arena.ofConfined()` per 8 B object ÷ gmalloc pair");
        assertThat(arena.verdict()).isEqualTo(Verdict.MISSED);
        assertThat(arena.measured()).startsWith("3.50×");
        assertThat(row(t, "alloc+free pair 256 B ÷ `mi_zalloc`").verdict()).isEqualTo(Verdict.NA);
        assertThat(row(t, "batch of 500 × 8 B ÷ glibc (FFM, critical), per pair (thread CPU")
                        .verdict())
                .isEqualTo(Verdict.MET); // 0.1
        assertThat(row(t, "pair 8 B on-stack replacement").verdict()).isEqualTo(Verdict.MISSED); // 0.6
        assertThat(row(t, "pair 8 B on-stack replacement").measured()).startsWith("0.60×");
        assertThat(row(t, "pair 8 B inside a large caller").verdict()).isEqualTo(Verdict.MET); // 0.45
        assertThat(row(t, "pair 8 B C1 only").verdict()).isEqualTo(Verdict.MISSED); // 1.5
    }

    @Test
    void firstUseIsTheMedianOfTheFreshJvms() throws IOException {
        meta("");
        Files.writeString(
                out.resolve("firstuse.txt"),
                "FIRSTUSE ms=40.0 rssGrowthKb=4096\nFIRSTUSE ms=90.0 rssGrowthKb=20480\nFAILED firstuse rc=1\n"
                        + "FIRSTUSE ms=45.0 rssGrowthKb=6144\n");
        Target r = row(writer().targets(), "first `gmalloc` + `gfree`");
        assertThat(r.verdict()).isEqualTo(Verdict.MET);
        assertThat(r.measured()).startsWith("45.0 ms (40.0–90.0), 6.00 MiB (4.00–20.0), 3 JVMs");

        Files.writeString(out.resolve("firstuse.txt"), "FIRSTUSE ms=40.0 rssGrowthKb=10240\n");
        assertThat(row(writer().targets(), "first `gmalloc` + `gfree`").verdict())
                .isEqualTo(Verdict.MISSED);
    }

    @Test
    void skippedPartsSaySo() throws IOException {
        meta("cpu,firstuse");
        List<Target> t = writer().targets();
        assertThat(row(t, "alloc+free pair 8 B ÷ a bump pointer").measured()).contains("BENCH_SKIP=cpu");
        assertThat(row(t, "first `gmalloc` + `gfree`").measured()).contains("BENCH_SKIP=firstuse");
    }

    private static String shape1(String lang, String impl, long n, double growthMb) {
        return "RESULT lang=" + lang + " impl=" + impl + " shape=1 n=" + n + " threads=1 seconds=1.0 cpuSeconds=1.0 "
                + "growthMb=" + growthMb + " wall=1.5\n";
    }

    @Test
    void shape1RssIsJudgedAtEverySize() throws IOException {
        meta("");
        Files.writeString(
                out.resolve("scenarios.txt"),
                shape1("java", "gmalloc", 10_000_000, 80) + shape1("c", "mimalloc", 10_000_000, 78));
        Files.writeString(
                out.resolve("rss.txt"),
                shape1("java", "gmalloc", 20_000_000, 160) + shape1("c", "mimalloc", 20_000_000, 156));
        Target partial = row(writer().targets(), "shape 1 peak RSS");
        assertThat(partial.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(partial.measured())
                .contains("10 M: 1.03×")
                .contains("20 M: 1.03×")
                .contains("not measured at 100 M");

        Files.writeString(
                out.resolve("rss.txt"),
                shape1("java", "gmalloc", 20_000_000, 160)
                        + shape1("c", "mimalloc", 20_000_000, 156)
                        + shape1("java", "gmalloc", 100_000_000, 800)
                        + shape1("c", "mimalloc", 100_000_000, 700));
        Target all = row(writer().targets(), "shape 1 peak RSS");
        assertThat(all.verdict()).isEqualTo(Verdict.MISSED);
        assertThat(all.measured()).contains("missed at 100 M");
    }

    @Test
    void warmFiguresAppearBesideTheFirstCall() throws IOException {
        meta("");
        Files.writeString(
                out.resolve("scenarios.txt"),
                "RESULT lang=java impl=gmalloc shape=3 n=1000 threads=1 seconds=2.0 cpuSeconds=1.8 growthMb=1 "
                        + "warmSeconds=1.0 warmCpuSeconds=0.9 wall=3\n");
        ReportWriter w = writer();
        assertThat(w.report(w.targets(), false)).contains("| 3 | gmalloc | 2.00 (1.80) | 1.00 (0.900) | 2.00× |");
    }
}
