package io.gmalloc.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A partial run of {@code bench/run} must never replace the published report (docs/benchmarks.md). */
class PartialRunTest {

    private static Properties meta(String mode, String include, String skip) {
        Properties p = new Properties();
        p.setProperty("mode", mode);
        p.setProperty("include", include);
        p.setProperty("skip", skip);
        return p;
    }

    @Test
    void completeQuickAndFullRunsPublish() {
        assertThat(ReportWriter.partialRun(meta("quick", "", ""), "benchmarks")).isEmpty();
        assertThat(ReportWriter.partialRun(meta("full", "", ""), "benchmarks")).isEmpty();
    }

    @Test
    void smokeNeverPublishes() {
        assertThat(ReportWriter.partialRun(meta("smoke", "", ""), "benchmarks"))
                .hasValueSatisfying(why -> assertThat(why).contains("smoke"));
    }

    @Test
    void aJmhIncludeIsPartial() {
        assertThat(ReportWriter.partialRun(meta("quick", "AccessorBenchmark", ""), "benchmarks"))
                .hasValueSatisfying(why -> assertThat(why).contains("BENCH_JMH_INCLUDE=AccessorBenchmark"));
    }

    @Test
    void anySkippedPartIsPartial() {
        assertThat(ReportWriter.partialRun(meta("quick", "", "scenarios,native"), "benchmarks"))
                .hasValueSatisfying(why -> assertThat(why).contains("BENCH_SKIP=scenarios,native"));
        assertThat(ReportWriter.partialRun(meta("full", "", "jmh"), "benchmarks"))
                .isPresent();
    }

    @Test
    void theSeedSizeShapesReportIsTheOneNarrowedRunThatPublishes() {
        assertThat(ReportWriter.partialRun(meta("full", "", "jmh"), "benchmarks-full"))
                .isEmpty();
        assertThat(ReportWriter.partialRun(meta("quick", "", "jmh"), "benchmarks-full"))
                .isPresent();
        assertThat(ReportWriter.partialRun(meta("full", "", "jmh,native"), "benchmarks-full"))
                .isPresent();
    }

    @Test
    void missingModeIsPartial() {
        assertThat(ReportWriter.partialRun(new Properties(), "benchmarks")).isPresent();
    }

    @Test
    void headerSaysWhatRanAndWhatWasSkipped() {
        assertThat(ReportWriter.whatRan(meta("quick", "", "")))
                .isEqualTo(
                        "JMH (all benchmarks), thread-CPU pairs, first use, scenarios, shape 1 RSS sizes, native; skipped: nothing");
        assertThat(ReportWriter.whatRan(meta("quick", "AccessorBenchmark", "scenarios,native,cpu")))
                .isEqualTo(
                        "JMH (only AccessorBenchmark), first use, shape 1 RSS sizes; skipped: thread-CPU pairs, scenarios, native");
    }
}
