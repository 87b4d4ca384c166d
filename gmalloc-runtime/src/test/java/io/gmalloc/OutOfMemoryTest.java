package io.gmalloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dgmalloc.maxBytes} is read once per JVM, so this runs {@link Child} in a fresh JVM with a 4 MiB cap.
 */
class OutOfMemoryTest {

    /** Runs in the child JVM; prints what it saw, one fact per line. */
    public static final class Child {
        public static void main(String[] args) {
            List<Long> blocks = new ArrayList<>();
            String message = "none";
            try {
                while (true) {
                    blocks.add(GMalloc.gmalloc(100));
                }
            } catch (OutOfMemoryError e) {
                message = e.getMessage();
            }
            System.out.println("small-oom " + message);
            String large = "none";
            try {
                GMalloc.gmalloc(8L << 20);
            } catch (OutOfMemoryError e) {
                large = e.getMessage();
            }
            System.out.println("large-oom " + large);
            for (long b : blocks) {
                GMalloc.gfree(b);
            }
            System.out.println(
                    "freed " + blocks.size() + " live " + GMalloc.stats().liveBlocks());
            long again = GMalloc.gmalloc(100);
            GMalloc.gfree(again);
            GMalloc.trim();
            long big = GMalloc.gmalloc(3L << 20);
            GMalloc.gfree(big);
            System.out.println("recovered");
        }
    }

    @Test
    void passingTheCapThrowsOutOfMemoryErrorAndAllocationRecoversAfterFrees() throws Exception {
        List<String> lines = runChild("-Dgmalloc.maxBytes=4m");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("small-oom ")
                        .contains("100 bytes")
                        .contains("gmalloc.maxBytes=4194304"));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("large-oom ")
                        .contains(Long.toString(8L << 20))
                        .contains("4194304"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("freed \\d{4,} live 0"));
        assertThat(lines).contains("recovered");
    }

    @Test
    void anInvalidCapIsRejectedWithTheProperty() throws Exception {
        List<String> lines = runChild("-Dgmalloc.maxBytes=lots");
        assertThat(String.join("\n", lines)).contains("gmalloc.maxBytes=lots").contains("byte count");
    }

    private static List<String> runChild(String property) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        property,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Child.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output.lines().toList();
    }
}
