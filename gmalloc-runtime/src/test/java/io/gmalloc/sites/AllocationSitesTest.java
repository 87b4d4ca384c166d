package io.gmalloc.sites;

import static org.assertj.core.api.Assertions.assertThat;

import io.gmalloc.AllocationSite;
import io.gmalloc.GMalloc;
import io.gmalloc.Region;
import io.gmalloc.SpecialBucket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dgmalloc.trackSites=true}: the allocating method is the top site, and its entry goes when its blocks are
 * freed (locally, by another thread, moved by {@code grealloc}, or with their region at close). Runs in a child JVM with the flags on and
 * {@code siteSampling=1}, so every allocation is recorded and the figures are exact.
 */
class AllocationSitesTest {

    @Test
    void trackingIsOffByDefault() {
        long address = GMalloc.gmalloc(64);
        try {
            assertThat(GMalloc.liveSites()).isEmpty();
        } finally {
            GMalloc.gfree(address);
        }
    }

    /** The child: prints what liveSites() says at each step. */
    public static final class Child {
        static final SpecialBucket TWELVE = new SpecialBucket("sites.Twelve", 12, 4);

        public static void main(String[] args) throws Exception {
            Path file = Path.of(args[0]);
            try (Recording recording = new Recording()) {
                recording.enable("io.gmalloc.LiveSite");
                recording.start();
                List<Long> big = leakMany();
                List<Long> small = leakFew();
                report("allocated", GMalloc.liveSites());
                recording.stop();
                recording.dump(file);
                Thread remote = new Thread(() -> big.forEach(GMalloc::gfree));
                remote.start();
                remote.join();
                report("remote-freed", GMalloc.liveSites());
                long moved = GMalloc.grealloc(small.getFirst(), 300); // moves: the new block is this method's
                report("moved", GMalloc.liveSites());
                GMalloc.gfree(moved);
                small.subList(1, small.size()).forEach(TWELVE::free);
                report("freed", GMalloc.liveSites());
                try (Region region = Region.open()) {
                    inRegion(region);
                    report("region-open", GMalloc.liveSites());
                }
                report("region-closed", GMalloc.liveSites());
                leakOne(); // left live for the leak report at exit
            }
        }

        static List<Long> leakMany() {
            List<Long> blocks = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                blocks.add(GMalloc.gmalloc(64));
            }
            return blocks;
        }

        static List<Long> leakFew() {
            List<Long> blocks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                blocks.add(TWELVE.alloc());
            }
            return blocks;
        }

        static void inRegion(Region region) {
            for (int i = 0; i < 5; i++) {
                region.gmalloc(40);
            }
            for (int i = 0; i < 2; i++) {
                TWELVE.alloc(region);
            }
        }

        static void leakOne() {
            GMalloc.gcalloc(2, 100);
        }

        private static void report(String step, List<AllocationSite> sites) {
            for (AllocationSite site : sites) {
                StackTraceElement top = site.frames().getFirst();
                System.out.println(step + ": " + top.getMethodName() + " blocks=" + site.liveBlocks() + " bytes="
                        + site.liveBytes() + " frames=" + site.frames().size());
            }
            System.out.println(step + ": sites=" + sites.size());
        }
    }

    @Test
    void theAllocatingMethodIsTheTopSiteUntilItsBlocksAreFreed() throws Exception {
        Path file = Files.createTempFile("gmalloc-sites", ".jfr");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java, "--enable-native-access=ALL-UNNAMED", "-Dgmalloc.leakReport=true", "-Dgmalloc.siteSampling=1"));
        if (GMalloc.checkedMode()) {
            command.add("-Dgmalloc.checked=true");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(), file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> lines = output.lines().toList();

        assertThat(lines)
                .as(output)
                .containsSubsequence(
                        "allocated: leakMany blocks=100 bytes=6400 frames=2",
                        "allocated: leakFew blocks=3 bytes=36 frames=2",
                        "allocated: sites=2",
                        "remote-freed: leakFew blocks=3 bytes=36 frames=2",
                        "remote-freed: sites=1",
                        "moved: main blocks=1 bytes=304 frames=1",
                        "moved: leakFew blocks=2 bytes=24 frames=2",
                        "moved: sites=2",
                        "freed: sites=0",
                        "region-open: inRegion blocks=5 bytes=200 frames=2",
                        "region-open: inRegion blocks=2 bytes=24 frames=2",
                        "region-open: sites=2",
                        "region-closed: sites=0",
                        "gmalloc leak report: 1 live block, 200 bytes, from 1 site",
                        "  200 bytes in 1 block");
        assertThat(output).contains("        at " + Child.class.getName() + ".leakOne(AllocationSitesTest.java:");

        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Files.delete(file);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getEventType().getName()).isEqualTo("io.gmalloc.LiveSite");
            assertThat(e.getString("site")).startsWith(Child.class.getName() + ".leakMany(");
            assertThat(e.getLong("liveBlocks")).isEqualTo(100);
            assertThat(e.getLong("liveBytes")).isEqualTo(6400);
        });
    }
}
