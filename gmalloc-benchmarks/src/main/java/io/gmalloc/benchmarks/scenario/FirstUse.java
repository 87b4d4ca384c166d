package io.gmalloc.benchmarks.scenario;

import io.gmalloc.GMalloc;
import java.util.Locale;

/**
 * First use: the first {@code gmalloc(8)} + {@code gfree} in a fresh JVM, nothing of gmalloc touched before.
 * Prints {@code FIRSTUSE ms=... rssGrowthKb=... hwmGrowthKb=... startRssKb=...}: the wall time of the two
 * calls ({@link System#nanoTime()}) and the growth of VmRSS (and of its peak, VmHWM) across them. The reading
 * of /proc/self/status happens once before the clock starts, so the classes it needs are loaded already.
 * {@code bench/run} starts it in several fresh JVMs and reports the median and the range.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp benchmarks.jar io.gmalloc.benchmarks.scenario.FirstUse</pre>
 */
public final class FirstUse {
    private FirstUse() {}

    /**
     * Measures first use once.
     *
     * @param args none
     */
    public static void main(String[] args) {
        SeedScenarios.statusKb("VmHWM"); // loads what reading /proc needs, before anything is measured
        long rss0 = SeedScenarios.statusKb("VmRSS");
        long hwm0 = SeedScenarios.statusKb("VmHWM");
        long t0 = System.nanoTime();
        long p = GMalloc.gmalloc(8);
        GMalloc.gfree(p);
        long t1 = System.nanoTime();
        long rss1 = SeedScenarios.statusKb("VmRSS");
        long hwm1 = SeedScenarios.statusKb("VmHWM");
        System.out.printf(
                Locale.ROOT,
                "FIRSTUSE ms=%.3f rssGrowthKb=%d hwmGrowthKb=%d startRssKb=%d block=%s%n",
                (t1 - t0) / 1e6,
                rss1 - rss0,
                hwm1 - hwm0,
                rss0,
                p != 0 ? "ok" : "null");
    }
}
