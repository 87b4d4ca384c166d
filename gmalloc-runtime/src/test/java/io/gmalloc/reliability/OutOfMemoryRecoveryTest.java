package io.gmalloc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.gmalloc.GMalloc;
import io.gmalloc.SpecialBucket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * After an {@code OutOfMemoryError} nothing is corrupted, no block is handed out twice, and memory freed since is
 * reused before gmalloc reports out-of-memory again, for every size. Each scenario runs in a child JVM with its own
 * {@code -Dgmalloc.maxBytes} (read once per JVM), assertions and the invariant walker on, and prints one fact per
 * line.
 */
class OutOfMemoryRecoveryTest {

    /** Runs in the child JVM: {@code args[0]} names the scenario. */
    public static final class Child {
        public static void main(String[] args) {
            switch (args[0]) {
                case "special" -> special(false);
                case "special-trim" -> special(true);
                case "cycles" -> cycles();
                case "reuse" -> reuse();
                default -> throw new IllegalArgumentException(args[0]);
            }
            System.out.println("done");
        }

        private static List<Long> fill(SpecialBucket bucket, int max) {
            List<Long> blocks = new ArrayList<>();
            try {
                while (blocks.size() < max) {
                    blocks.add(bucket.alloc());
                }
            } catch (OutOfMemoryError e) {
                System.out.println("oom " + e.getMessage());
            }
            return blocks;
        }

        /**
         * Fill a 1024-byte special bucket to the cap, free and reallocate a few, free everything, then allocate
         * 8-byte blocks: the special bucket must never hand out memory that now holds them.
         */
        private static void special(boolean trim) {
            SpecialBucket bucket = new SpecialBucket("oom.Kilobyte", 1024, 8);
            List<Long> blocks = fill(bucket, Integer.MAX_VALUE);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 3; i++) {
                    bucket.free(blocks.remove(blocks.size() - 1 - i));
                }
                blocks.addAll(fill(bucket, 3));
                fill(bucket, 1); // at the cap again: every refill fails
            }
            blocks.forEach(bucket::free);
            if (trim) {
                GMalloc.trim();
            }
            List<Long> small = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                long b = GMalloc.gmalloc(8);
                Patterns.write(b, i + 1, 8);
                small.add(b);
            }
            List<Long> again = fill(bucket, 100);
            int overlaps = 0;
            for (long s : small) {
                for (long a : again) {
                    overlaps += s >= a && s < a + 1024 ? 1 : 0;
                }
            }
            for (int k = 0; k < again.size(); k++) {
                Patterns.write(again.get(k), 1000 + k, 1024);
            }
            int corrupt = 0;
            for (int i = 0; i < small.size(); i++) {
                corrupt += Patterns.firstCorrupt(small.get(i), i + 1, 8) == -1 ? 0 : 1;
            }
            System.out.println("special overlaps " + overlaps + " corrupt " + corrupt + " again " + again.size());
            again.forEach(bucket::free);
            small.forEach(GMalloc::gfree);
            System.out.println("live " + GMalloc.stats().liveBlocks());
        }

        /** Many rounds at the cap with random frees, sizes and trims: no address is ever live twice. */
        private static void cycles() {
            SplittableRandom random = new SplittableRandom(8);
            SpecialBucket special = new SpecialBucket("oom.Odd", 40, 8);
            long[] sizes = {8, 24, 200, 512, 700, 5000, 100_000, 1 << 20};
            List<Long> live = new ArrayList<>();
            Set<Long> liveSet = new HashSet<>();
            int duplicates = 0;
            int ooms = 0;
            for (int round = 0; round < 60; round++) {
                try {
                    for (int i = 0; i < 20_000; i++) {
                        int pick = random.nextInt(sizes.length + 1);
                        long b = pick == sizes.length ? special.alloc() : GMalloc.gmalloc(sizes[pick]);
                        duplicates += liveSet.add(b) ? 0 : 1;
                        live.add(b);
                    }
                } catch (OutOfMemoryError e) {
                    ooms++;
                }
                for (int i = live.size() - 1; i >= 0; i--) {
                    if (random.nextInt(3) != 0) {
                        long b = live.remove(i);
                        liveSet.remove(b);
                        GMalloc.gfree(b);
                    }
                }
                if (random.nextInt(4) == 0) {
                    GMalloc.trim();
                }
            }
            live.forEach(GMalloc::gfree);
            System.out.println("cycles ooms " + (ooms > 10) + " duplicates " + duplicates + " live "
                    + GMalloc.stats().liveBlocks());
        }

        /** Fill with 8-byte blocks to the cap, free them all: every size fits again without a trim(). */
        private static void reuse() {
            List<Long> blocks = new ArrayList<>();
            try {
                while (true) {
                    blocks.add(GMalloc.gmalloc(8));
                }
            } catch (OutOfMemoryError e) {
                System.out.println("oom " + e.getMessage());
            }
            blocks.forEach(GMalloc::gfree);
            SpecialBucket special = new SpecialBucket("oom.Reuse", 1000, 8);
            for (long size : new long[] {1 << 20, 200_000, 4 << 20, 256, -1}) {
                try {
                    long b = size < 0 ? special.alloc() : GMalloc.gmalloc(size);
                    System.out.println("reuse " + size + " ok");
                    GMalloc.gfree(b);
                } catch (OutOfMemoryError e) {
                    System.out.println("reuse " + size + " failed " + e.getMessage());
                }
            }
        }
    }

    @Test
    void aSpecialBucketAtTheCapNeverHandsOutAnotherBucketsMemory() throws Exception {
        for (String scenario : new String[] {"special", "special-trim"}) {
            List<String> lines = runChild(scenario, "320k");
            assertThat(lines)
                    .as(scenario)
                    .anySatisfy(l -> assertThat(l).startsWith("oom ").contains("1024 bytes"));
            assertThat(lines)
                    .as(scenario)
                    .anySatisfy(l -> assertThat(l).matches("special overlaps 0 corrupt 0 again \\d+"));
            assertThat(lines).as(scenario).contains("live 0", "done");
        }
    }

    @Test
    void roundsAtTheCapNeverHandOutABlockTwice() throws Exception {
        List<String> lines = runChild("cycles", "24m");
        assertThat(lines).contains("cycles ooms true duplicates 0 live 0", "done");
    }

    @Test
    void freedMemoryMakesRoomForEverySizeBeforeOutOfMemory() throws Exception {
        List<String> lines = runChild("reuse", "16m");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("oom ").contains("8 bytes"));
        assertThat(lines)
                .contains(
                        "reuse 1048576 ok",
                        "reuse 200000 ok",
                        "reuse 4194304 ok",
                        "reuse 256 ok",
                        "reuse -1 ok",
                        "done");
    }

    private static List<String> runChild(String scenario, String cap) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-ea",
                "-Dgmalloc.verify=true",
                "-Dgmalloc.maxBytes=" + cap));
        if (GMalloc.checkedMode()) {
            command.add("-Dgmalloc.checked=true");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(), scenario));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
