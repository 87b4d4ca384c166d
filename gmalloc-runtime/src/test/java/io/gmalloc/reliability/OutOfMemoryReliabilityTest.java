package io.gmalloc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gmalloc.GMalloc;
import io.gmalloc.SpecialBucket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Out of memory beyond what {@code io.gmalloc.OutOfMemoryTest} covers (one thread, small then one large block):
 * several threads hitting the cap at once and freeing each other's blocks, large blocks whose size is not a
 * multiple of 16, special buckets, {@code grealloc} at the cap (the old block must survive), sizes so large that
 * rounding them overflows. {@code gmalloc.maxBytes} is read once per JVM, so each scenario runs in a fresh child
 * JVM that prints one fact per line.
 */
class OutOfMemoryReliabilityTest {
    private static final long CAP = 16L << 20;

    /** Runs in the child JVM: {@code args[0]} names the scenario. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            switch (args[0]) {
                case "threads" -> threads();
                case "large" -> large(100_001);
                case "special" -> special();
                case "realloc" -> realloc();
                case "huge" -> huge();
                default -> throw new IllegalArgumentException(args[0]);
            }
            System.out.println("done");
        }

        /** Allocates {@code size}-byte blocks until the cap; returns them and prints the error. */
        private static List<Long> fill(String tag, long size) {
            List<Long> blocks = new ArrayList<>();
            try {
                while (true) {
                    long b = GMalloc.gmalloc(size);
                    Patterns.writeWords(b, size, size);
                    blocks.add(b);
                }
            } catch (OutOfMemoryError e) {
                System.out.println(tag + "-oom " + e.getMessage());
            }
            return blocks;
        }

        private static void threads() throws Exception {
            int n = 4;
            List<List<Long>> owned = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < n; i++) {
                owned.add(null);
            }
            CyclicBarrier allFull = new CyclicBarrier(n);
            CyclicBarrier allFreed = new CyclicBarrier(n);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int me = i;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        long size = 40 + me * 100L; // four buckets
                        owned.set(me, fill("thread" + me, size));
                        allFull.await();
                        // free the next thread's blocks: cross-thread frees while everyone is at the cap
                        List<Long> theirs = owned.get((me + 1) % n);
                        long theirSize = 40 + ((me + 1) % n) * 100L;
                        int intact = 0;
                        for (long b : theirs) {
                            intact += Patterns.wordsIntact(b, theirSize, theirSize) ? 1 : 0;
                            GMalloc.gfree(b);
                        }
                        System.out.println("thread" + me + "-freed " + theirs.size() + " intact " + intact);
                        allFreed.await();
                        GMalloc.trim();
                        List<Long> again = new ArrayList<>();
                        for (int k = 0; k < 1000; k++) {
                            again.add(GMalloc.gmalloc(size));
                        }
                        System.out.println("thread" + me + "-again " + again.size());
                        again.forEach(GMalloc::gfree);
                    } catch (Exception e) {
                        System.out.println("thread" + me + "-failed " + e);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            System.out.println("live " + GMalloc.stats().liveBlocks());
        }

        private static void large(long size) {
            List<Long> blocks = fill("large", size);
            System.out.println("large-count " + blocks.size());
            blocks.forEach(GMalloc::gfree);
            List<Long> again = fill("large-again", size);
            System.out.println("large-again-count " + again.size());
            again.forEach(GMalloc::gfree);
            GMalloc.trim();
            System.out.println("live " + GMalloc.stats().liveBlocks() + " reserved "
                    + GMalloc.stats().reservedBytes());
        }

        private static void special() {
            SpecialBucket bucket = new SpecialBucket("oom.Vec3", 12, 4);
            List<Long> blocks = new ArrayList<>();
            try {
                while (true) {
                    blocks.add(bucket.alloc());
                }
            } catch (OutOfMemoryError e) {
                System.out.println("special-oom " + e.getMessage());
            }
            blocks.forEach(bucket::free);
            long b = bucket.alloc();
            bucket.free(b);
            System.out.println("special-again ok, live " + bucket.stats().liveBlocks());
        }

        private static void realloc() {
            long keep = GMalloc.gmalloc(300);
            Patterns.write(keep, 300, 300);
            List<Long> filler = fill("filler", 4000);
            try {
                GMalloc.grealloc(keep, 1 << 20);
                System.out.println("realloc-no-oom");
            } catch (OutOfMemoryError e) {
                System.out.println("realloc-oom " + e.getMessage());
            }
            System.out.println("realloc-old usable " + GMalloc.usableSize(keep) + " corrupt "
                    + Patterns.firstCorrupt(keep, 300, 300));
            filler.forEach(GMalloc::gfree);
            long moved = GMalloc.grealloc(keep, 1 << 20);
            System.out.println("realloc-after-frees corrupt " + Patterns.firstCorrupt(moved, 300, 300));
            GMalloc.gfree(moved);
        }

        private static void huge() {
            for (long size : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 7, 1L << 62, CAP + 1}) {
                long reserved = GMalloc.stats().reservedBytes();
                try {
                    GMalloc.gmalloc(size);
                    System.out.println("huge-no-oom " + size);
                } catch (OutOfMemoryError e) {
                    System.out.println("huge-oom " + size + " reservedUnchanged "
                            + (GMalloc.stats().reservedBytes() == reserved) + " " + e.getMessage());
                }
            }
        }
    }

    @Test
    void threadsHittingTheCapTogetherFreeEachOthersBlocksAndAllocateAgain() throws Exception {
        List<String> lines = runChild("threads");
        for (int i = 0; i < 4; i++) {
            String me = "thread" + i;
            long size = 40 + i * 100L;
            assertThat(lines)
                    .as(me)
                    .anySatisfy(l -> assertThat(l)
                            .startsWith(me + "-oom ")
                            .contains(size + " bytes")
                            .contains("gmalloc.maxBytes=" + CAP));
            assertThat(lines).anySatisfy(l -> assertThat(l).matches(me + "-freed (\\d+) intact \\1"));
            assertThat(lines).contains(me + "-again 1000");
        }
        assertThat(lines).noneMatch(l -> l.contains("-failed"));
        assertThat(lines).contains("live 0", "done");
    }

    @Test
    void largeBlocksOfAnOddSizeNameTheRequestedSizeAndTheCap() throws Exception {
        List<String> lines = runChild("large");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("large-oom ")
                        .contains("100001 bytes")
                        .contains(Long.toString(CAP)));
        String count = lines.stream()
                .filter(l -> l.startsWith("large-count "))
                .findFirst()
                .orElseThrow();
        assertThat(Long.parseLong(count.split(" ")[1]))
                .as("large blocks fit under the cap")
                .isPositive();
        assertThat(lines)
                .as("as many fit again after freeing")
                .contains(count.replace("large-count", "large-again-count"));
        assertThat(lines).contains("live 0 reserved 0", "done");
    }

    @Test
    void specialBucketsHitTheCapAndRecover() throws Exception {
        List<String> lines = runChild("special");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("special-oom ")
                        .contains("12 bytes")
                        .contains(Long.toString(CAP)));
        assertThat(lines).contains("special-again ok, live 0", "done");
    }

    @Test
    void greallocAtTheCapKeepsTheOldBlock() throws Exception {
        List<String> lines = runChild("realloc");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("realloc-oom ")
                        .contains(Long.toString(1 << 20))
                        .contains(Long.toString(CAP)));
        assertThat(lines).contains("realloc-old usable 304 corrupt -1", "realloc-after-frees corrupt -1", "done");
    }

    @Test
    void sizesWhoseRoundingOverflowsAreOutOfMemoryNamingTheSizeAndTheCap() throws Exception {
        List<String> lines = runChild("huge");
        for (long size : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 7, 1L << 62, CAP + 1}) {
            assertThat(lines)
                    .anySatisfy(l -> assertThat(l)
                            .startsWith("huge-oom " + size + " reservedUnchanged true")
                            .contains("allocate " + size + " bytes")
                            .contains("maxBytes=" + CAP));
        }
        assertThat(lines).contains("done");
    }

    @Test
    void withoutACapHugeSizesAreOutOfMemoryAndReserveNothing() {
        for (long size : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 7, 1L << 62}) {
            long reserved = GMalloc.stats().reservedBytes();
            OutOfMemoryError e = catchThrowableOfType(OutOfMemoryError.class, () -> GMalloc.gmalloc(size));
            assertThat(e).as("gmalloc(%d)", size).isNotNull();
            assertThat(e.getMessage()).contains(Long.toString(size));
            assertThat(GMalloc.stats().reservedBytes()).isEqualTo(reserved);
        }
    }

    private static List<String> runChild(String scenario) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(
                List.of(java, "--enable-native-access=ALL-UNNAMED", "-ea", "-Dgmalloc.maxBytes=" + CAP));
        if (GMalloc.checkedMode()) {
            command.add("-Dgmalloc.checked=true");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(), scenario));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
