package io.gmalloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * First use is cheap: the first {@code gmalloc} + {@code gfree} in a fresh JVM links no native function (the FFM
 * linker's bootstrap was ~0.2 s and ~15 MiB of RSS) and loads no JFR event class (~0.1 s more) unless a recording
 * runs. Checked by the classes the child JVM loads, not by timing; docs/perf-findings.md has the figures.
 */
class FirstUseTest {

    /** Runs in the child JVM. */
    public static final class Child {
        public static void main(String[] args) {
            long a = GMalloc.gmalloc(8);
            long b = GMalloc.gmalloc(100);
            GMalloc.gfree(a);
            GMalloc.gfree(b);
            System.out.println("first-use-done");
        }
    }

    @Test
    void theFirstSmallAllocationAndFreeNeedNeitherTheLinkerNorJfr() throws Exception {
        List<String> loaded = runChild();
        assertThat(loaded).contains("first-use-done");
        assertThat(loaded).as("classes loaded").anyMatch(l -> l.contains("io.gmalloc.internal.Slab "));
        assertThat(loaded)
                .as("the FFM linker")
                .noneMatch(l -> l.contains("java.lang.foreign.Linker ")
                        || l.contains("jdk.internal.foreign.abi.AbstractLinker "));
        assertThat(loaded).as("JFR events").noneMatch(l -> l.contains("jdk.jfr.Event "));
    }

    private static List<String> runChild() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-Xlog:class+load=info",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Child.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
