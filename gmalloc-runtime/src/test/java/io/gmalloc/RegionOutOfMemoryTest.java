package io.gmalloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A region that runs into {@code -Dgmalloc.maxBytes} throws {@link OutOfMemoryError} and stays usable; closing it
 * gives the memory back for the next region. The cap is read once per JVM, so this runs {@link Child} in a fresh
 * JVM with a 4 MiB cap.
 */
class RegionOutOfMemoryTest {

    /** Runs in the child JVM; prints what it saw, one fact per line. */
    public static final class Child {
        public static void main(String[] args) {
            Region region = Region.open();
            long count = 0;
            String small = "none";
            try {
                while (true) {
                    region.gmalloc(100);
                    count++;
                }
            } catch (OutOfMemoryError e) {
                small = e.getMessage();
            }
            System.out.println("small-oom " + small);
            String large = "none";
            try {
                region.gmalloc(8L << 20);
            } catch (OutOfMemoryError e) {
                large = e.getMessage();
            }
            System.out.println("large-oom " + large);
            System.out.println("live " + (region.liveBlocks() == count));
            try {
                region.free(region.gmalloc(24)); // a new bucket needs a new arena: past the cap too
                System.out.println("other-bucket fits");
            } catch (OutOfMemoryError e) {
                System.out.println("other-bucket oom");
            }
            System.out.println("still " + (region.liveBlocks() == count));
            region.close();
            GMalloc.trim();
            try (Region next = Region.open()) {
                List<Long> blocks = new ArrayList<>();
                blocks.add(next.gmalloc(3L << 20));
                for (int i = 0; i < 1000; i++) {
                    blocks.add(next.gmalloc(100));
                }
                System.out.println("next " + next.liveBlocks());
            }
            System.out.println("recovered " + GMalloc.stats().liveBlocks());
        }
    }

    @Test
    void aRegionPastTheCapThrowsOutOfMemoryErrorAndItsCloseGivesTheMemoryBack() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-Dgmalloc.maxBytes=4m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Child.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = output.lines().toList();
        assertThat(lines)
                .as(output)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("small-oom ")
                        .contains("100 bytes")
                        .contains("gmalloc.maxBytes=4194304"));
        assertThat(lines)
                .as(output)
                .anySatisfy(l -> assertThat(l).startsWith("large-oom ").contains(Long.toString(8L << 20)));
        assertThat(lines).as(output).contains("live true", "still true", "next 1001", "recovered 0");
        assertThat(process.exitValue()).as(output).isZero();
    }
}
