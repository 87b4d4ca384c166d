package io.gmalloc.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import io.gmalloc.GMalloc;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import io.gmalloc.Region;
import io.gmalloc.SpecialBucket;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls that race a free of the same block from another thread: {@code grealloc} against {@code gfree} for every
 * kind of move (small to small, small to large, large to large, a mapped block grown or shrunk in place), and the
 * owner's {@code gfree} against a remote one while a third thread trims. Exactly one of the racing calls may take
 * effect, the loser gets an {@link InvalidFreeException}, nothing is handed out twice, and the JVM never crashes:
 * each scenario runs in a child JVM so a crash is a failure, not a lost run.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileRaceTest {
    private static final MemorySegment ALL = GMalloc.addressSpace();

    /** Runs in the child JVM: {@code args[0]} names the scenario. Prints {@code bad ...} for every violation. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            switch (args[0]) {
                case "realloc" -> reallocAgainstFree(Integer.parseInt(args[1]));
                case "churn" -> churn(Long.parseLong(args[1]));
                default -> throw new IllegalArgumentException(args[0]);
            }
            System.out.println("done");
        }

        /** {@code {size, newSize}}: every path of grealloc that reads or writes the old block. */
        private static final long[][] MOVES = {
            {8, 16}, // small to small
            {16, 9}, // small, shrunk in place: the tail is cleared
            {100, 700}, // small to large
            {600, 100}, // large to small
            {600, 2000}, // large (C library) to large
            {2L << 20, 3L << 20}, // mapped, grown: a copy
            {2L << 20, (3L << 20) / 2}, // mapped, shrunk in place: the tail is cleared
            {700, 600} // large, shrunk in place
        };

        private static void reallocAgainstFree(int rounds) throws Exception {
            CyclicBarrier start = new CyclicBarrier(3);
            CyclicBarrier end = new CyclicBarrier(3);
            AtomicLong block = new AtomicLong();
            AtomicLong newSize = new AtomicLong();
            AtomicLong result = new AtomicLong();
            AtomicReference<Throwable> reallocFailed = new AtomicReference<>();
            AtomicReference<Throwable> freeFailed = new AtomicReference<>();
            Thread realloc = Thread.ofPlatform()
                    .daemon()
                    .start(() -> loop(start, end, () -> {
                        try {
                            result.set(GMalloc.grealloc(block.get(), newSize.get()));
                        } catch (Throwable t) {
                            reallocFailed.set(t);
                        }
                    }));
            Thread free = Thread.ofPlatform()
                    .daemon()
                    .start(() -> loop(start, end, () -> {
                        try {
                            GMalloc.gfree(block.get());
                        } catch (Throwable t) {
                            freeFailed.set(t);
                        }
                    }));
            long baseline = GMalloc.stats().liveBlocks();
            for (long[] move : MOVES) {
                int reallocWins = 0;
                int freeWins = 0;
                for (int r = 0; r < rounds; r++) {
                    long p = GMalloc.gmalloc(move[0]);
                    ALL.set(ValueLayout.JAVA_LONG, p, 0x5eed_0000L + r);
                    block.set(p);
                    newSize.set(move[1]);
                    result.set(0);
                    reallocFailed.set(null);
                    freeFailed.set(null);
                    start.await();
                    end.await();
                    Throwable rf = reallocFailed.get();
                    Throwable ff = freeFailed.get();
                    String what = move[0] + "->" + move[1] + " round " + r + ": ";
                    if (rf != null && !(rf instanceof InvalidFreeException)) {
                        System.out.println("bad " + what + "grealloc threw " + rf);
                        rf.printStackTrace(System.out);
                    }
                    if (ff != null && !(ff instanceof InvalidFreeException)) {
                        System.out.println("bad " + what + "gfree threw " + ff);
                    }
                    if (rf == null && ff == null && result.get() != p) {
                        System.out.println("bad " + what + "both the move and the free of the old block took effect");
                    }
                    if (rf != null && ff != null) {
                        System.out.println("bad " + what + "neither call took effect: " + rf + " / " + ff);
                    }
                    if (rf != null && ((InvalidFreeException) rf).reason() != Reason.DOUBLE_FREE) {
                        System.out.println("bad " + what + "grealloc lost with " + rf);
                    }
                    if (ff != null && ((InvalidFreeException) ff).reason() != Reason.DOUBLE_FREE) {
                        System.out.println("bad " + what + "gfree lost with " + ff);
                    }
                    if (rf == null) {
                        reallocWins++;
                        long moved = result.get();
                        if (ff != null && ALL.get(ValueLayout.JAVA_LONG, moved) != 0x5eed_0000L + r) {
                            System.out.println("bad " + what + "the moved block lost its contents");
                        }
                        if (ff == null) {
                            freeWins++; // shrunk in place, then freed: the same block, no longer live
                        } else {
                            GMalloc.gfree(moved);
                        }
                    } else {
                        freeWins++;
                    }
                }
                System.out.println(
                        "move " + move[0] + "->" + move[1] + " realloc " + reallocWins + " free " + freeWins);
            }
            long live = GMalloc.stats().liveBlocks() - baseline;
            System.out.println("live " + live);
            distinctAndUsable();
            realloc.interrupt();
            free.interrupt();
        }

        private static final ConcurrentLinkedQueue<Long> SHARED = new ConcurrentLinkedQueue<>();
        private static final Set<Long> LIVE = ConcurrentHashMap.newKeySet();
        private static final SpecialBucket CHURN20 = new SpecialBucket("hostile.Churn20", 20, 4);

        /**
         * Everything at once for {@code millis}: two platform threads, short-lived platform threads and batches of
         * virtual threads allocate every kind, free their own and each other's blocks, grealloc, open and close
         * regions, while another thread calls {@code stats()} and {@code trim()} in a loop. Every block is checked
         * zeroed on allocation, unique among live blocks, and intact when freed.
         */
        private static void churn(long millis) throws Exception {
            long until = System.nanoTime() + millis * 1_000_000L;
            List<Thread> threads = new ArrayList<>();
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < until) {
                    if (GMalloc.stats().liveBlocks() < 0) {
                        System.out.println("bad negative live blocks");
                    }
                    GMalloc.trim();
                }
            }));
            for (int i = 0; i < 2; i++) {
                threads.add(Thread.ofPlatform().start(() -> work(until)));
            }
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < until) {
                    join(Thread.ofPlatform().start(() -> work(System.nanoTime() + 2_000_000)));
                }
            }));
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < until) {
                    List<Thread> batch = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        batch.add(Thread.ofVirtual().start(() -> work(System.nanoTime() + 200_000)));
                    }
                    batch.forEach(Child::join);
                }
            }));
            threads.forEach(Child::join);
            Long p;
            while ((p = SHARED.poll()) != null) {
                release(p);
            }
            GMalloc.trim();
            System.out.println("churn live " + GMalloc.stats().liveBlocks() + " tracked " + LIVE.size());
            distinctAndUsable();
        }

        private static void join(Thread thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        private static long take(ThreadLocalRandom random) {
            long p = switch (random.nextInt(6)) {
                case 0 -> CHURN20.alloc();
                case 1 -> GMalloc.gmalloc(600 + random.nextInt(3000));
                case 2 ->
                    GMalloc.allocator().allocate(64, 1L << random.nextInt(13)).address();
                default -> GMalloc.gmalloc(1 + random.nextInt(512));
            };
            if (ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, p) != 0) {
                System.out.println("bad not zero: 0x" + Long.toHexString(p));
            }
            if (!LIVE.add(p)) {
                System.out.println("bad handed out twice: 0x" + Long.toHexString(p));
            }
            ALL.set(ValueLayout.JAVA_LONG_UNALIGNED, p, ~p);
            return p;
        }

        private static void release(long p) {
            if (ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, p) != ~p) {
                System.out.println("bad overwritten: 0x" + Long.toHexString(p));
            }
            LIVE.remove(p);
            GMalloc.gfree(p);
        }

        private static void work(long until) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            List<Long> mine = new ArrayList<>();
            while (System.nanoTime() < until) {
                int op = random.nextInt(10);
                if (op < 4) {
                    mine.add(take(random));
                } else if (op < 6 && !mine.isEmpty()) {
                    release(mine.remove(mine.size() - 1));
                } else if (op < 7 && !mine.isEmpty()) {
                    SHARED.add(mine.remove(0));
                } else if (op < 8) {
                    Long p = SHARED.poll();
                    if (p != null) {
                        release(p);
                    }
                } else if (op < 9 && !mine.isEmpty()) {
                    long p = mine.remove(mine.size() - 1);
                    LIVE.remove(p);
                    long q = GMalloc.grealloc(p, 8 + random.nextInt(2000));
                    if (ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, q) != ~p) {
                        System.out.println("bad grealloc lost the contents of 0x" + Long.toHexString(p));
                    }
                    if (!LIVE.add(q)) {
                        System.out.println("bad grealloc handed out a live block: 0x" + Long.toHexString(q));
                    }
                    ALL.set(ValueLayout.JAVA_LONG_UNALIGNED, q, ~q);
                    mine.add(q);
                } else {
                    try (Region region = Region.open()) {
                        for (int j = 0; j < 10; j++) {
                            long b = region.gmalloc(random.nextInt(700));
                            if (j % 2 == 0) {
                                region.free(b);
                            }
                        }
                    }
                }
                if (mine.size() > 200) {
                    SHARED.addAll(mine.subList(0, 100));
                    mine.subList(0, 100).clear();
                }
            }
            SHARED.addAll(mine);
        }

        private static void loop(CyclicBarrier start, CyclicBarrier end, Runnable body) {
            try {
                while (true) {
                    start.await();
                    body.run();
                    end.await();
                }
            } catch (Exception stopped) {
                // interrupted or broken: the scenario is over
            }
        }

        /** After the races: blocks of every kind are distinct, zeroed and keep what is written to them. */
        static void distinctAndUsable() {
            SpecialBucket special = new SpecialBucket("hostile.Race12", 12, 4);
            long[] sizes = {8, 16, 100, 512, 600, 2000, 70_000, 2L << 20};
            List<Long> blocks = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 4000; i++) {
                long size = sizes[i % sizes.length];
                long p = i % 5 == 4 ? special.alloc() : GMalloc.gmalloc(size);
                long usable = GMalloc.usableSize(p);
                for (long at = 0; at + 8 <= usable; at += Math.max(8, usable / 64 & -8)) {
                    if (ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, p + at) != 0) {
                        System.out.println("bad not zero: block 0x" + Long.toHexString(p) + " at " + at);
                        break;
                    }
                }
                if (!seen.add(p)) {
                    System.out.println("bad handed out twice: 0x" + Long.toHexString(p));
                }
                ALL.set(ValueLayout.JAVA_LONG_UNALIGNED, p, p ^ 0x1234_5678L);
                blocks.add(p);
            }
            for (long p : blocks) {
                if (ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, p) != (p ^ 0x1234_5678L)) {
                    System.out.println("bad overwritten: 0x" + Long.toHexString(p));
                }
                GMalloc.gfree(p);
            }
            try (Region region = Region.open()) {
                region.gmalloc(8);
                region.gmalloc(2000);
            }
            System.out.println("usable ok");
        }
    }

    @Test
    void greallocRacingAFreeOfTheSameBlockTakesEffectOnceAndNeverCrashes() throws Exception {
        List<String> lines = runChild("realloc", "150");
        assertThat(lines).noneMatch(l -> l.startsWith("bad"));
        assertThat(lines).contains("live 0", "usable ok", "done");
        for (long[] move : Child.MOVES) {
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("move " + move[0] + "->" + move[1] + " "));
        }
    }

    @Test
    void everythingAtOnceWithStatsAndTrimRacingNeverHandsABlockOutTwice() throws Exception {
        List<String> lines = runChild("churn", "4000");
        assertThat(lines).noneMatch(l -> l.startsWith("bad"));
        assertThat(lines).contains("churn live 0 tracked 0", "usable ok", "done");
    }

    static List<String> runChild(String... args) throws IOException, InterruptedException {
        return runChild(Child.class, List.of(), args);
    }

    /** Runs {@code main} in a child JVM (checked mode as this one) and returns its output; it must exit with 0. */
    static List<String> runChild(Class<?> main, List<String> options, String... args)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-ea"));
        if (GMalloc.checkedMode()) {
            command.add("-Dgmalloc.checked=true");
        }
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
