package io.gmalloc.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The GC story's report: parsing, medians, the publish rule and the ratio table. */
class GcReportTest {

    private static String line(String collector, String storage, double pauseTotal, double cpu) {
        return "RESULT gc storage=" + storage + " collector=" + collector
                + " n=1000 ops=5000 setupSeconds=0.2 seconds=1.5 cpuSeconds="
                + cpu + " collections=4 pauses=6 pauseTotalMs=" + pauseTotal + " pauseMaxMs=2.5 heapLiveMb=100.0"
                + " offHeapMb=0.0 hwmMb=300.0 xmxMb=1024 checksum=1.0e+00";
    }

    private static final List<String> ALL = List.of(
            line("G1", "heap", 40, 3),
            line("G1", "gmalloc", 10, 2),
            line("ZGC", "heap", 1, 6),
            line("ZGC", "gmalloc", 0.5, 2));

    @Test
    void eachFigureIsTheMedianOfItsRuns() {
        Map<String, GcReport.Row> rows = GcReport.rows(
                List.of(line("G1", "heap", 40, 3), line("G1", "heap", 10, 9), line("G1", "heap", 20, 1), "noise"));
        assertThat(rows).containsOnlyKeys("G1/heap");
        GcReport.Row row = rows.get("G1/heap");
        assertThat(row.runs()).isEqualTo(3);
        assertThat(row.get("pauseTotalMs")).isEqualTo(20);
        assertThat(row.get("cpuSeconds")).isEqualTo(3);
    }

    @Test
    void onlyACompleteQuickOrFullRunPublishes() {
        Map<String, GcReport.Row> all = GcReport.rows(ALL);
        assertThat(GcReport.partial("quick", all)).isEmpty();
        assertThat(GcReport.partial("full", all)).isEmpty();
        assertThat(GcReport.partial("smoke", all))
                .hasValueSatisfying(why -> assertThat(why).contains("smoke"));
        assertThat(GcReport.partial("quick", GcReport.rows(ALL.subList(0, 3))))
                .hasValueSatisfying(why -> assertThat(why).contains("ZGC with gmalloc"));
    }

    @Test
    void theSectionHasARowPerConfigurationAndTheRatios() {
        Properties meta = new Properties();
        meta.setProperty("command", "bench/run quick");
        String section = GcReport.section(meta, GcReport.rows(ALL), ALL);
        assertThat(section)
                .contains("`bench/run quick`")
                .contains("| G1 | heap |")
                .contains("| ZGC | gmalloc |");
        assertThat(section).contains("| G1 | 1.00× | 0.25× |"); // heap live 100/100, total pause 10/40
        assertThat(GcReport.ratio(0, 0)).isEqualTo("1.00× (both 0)");
    }
}
