package io.gmalloc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.gmalloc.GMalloc;
import io.gmalloc.GMallocStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thread churn (docs/design.md §3 invariants 3 and 4): many short-lived platform threads allocate and exit, some freeing
 * first, some leaving their blocks to other threads to free later. A dead thread's memory must be reusable and go
 * back after {@code trim()}, so the reservation stays bounded however many threads come and go. Virtual threads
 * share O(cores) heaps.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class ThreadChurnTest {

    /** How a churning thread leaves. */
    enum Exit {
        FREES_ALL,
        LEAVES_ALL,
        FREES_HALF
    }

    @Test
    void aThousandShortLivedThreadsKeepTheReservationBoundedAndGiveItBackOnTrim() throws Exception {
        int threads = Sizing.pick(1_200, 20_000);
        int perThread = 4_000;
        int concurrent = 4;
        GMalloc.trim();
        GMallocStats baseline = GMalloc.stats();
        LinkedBlockingQueue<long[]> leftBehind = new LinkedBlockingQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong freedLater = new AtomicLong();
        AtomicLong handedOver = new AtomicLong();
        AtomicLong collected = new AtomicLong();
        Thread collector = Thread.ofPlatform().name("churn-collector").start(() -> {
            try {
                while (true) {
                    long[] blocks = leftBehind.take();
                    if (blocks.length == 0) {
                        return;
                    }
                    for (long b : blocks) {
                        if (!Patterns.wordsIntact(b, 24, 24)) {
                            throw new AssertionError("block of a dead thread overwritten: 0x" + Long.toHexString(b));
                        }
                        GMalloc.gfree(b);
                        freedLater.incrementAndGet();
                    }
                    collected.incrementAndGet();
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        });

        long start = System.nanoTime();
        long peakFirstHalf = 0;
        long peakSecondHalf = 0;
        long leftCount = 0;
        for (int t = 0; t < threads; t += concurrent) {
            List<Thread> batch = new ArrayList<>();
            for (int k = 0; k < concurrent; k++) {
                Exit exit = Exit.values()[(t + k) % Exit.values().length];
                handedOver.addAndGet(exit == Exit.FREES_ALL ? 0 : 1);
                leftCount += exit == Exit.LEAVES_ALL ? perThread : exit == Exit.FREES_HALF ? perThread / 2 : 0;
                batch.add(Thread.ofPlatform().start(() -> churn(perThread, exit, leftBehind, failure)));
            }
            for (Thread thread : batch) {
                thread.join();
            }
            // Measure once the collector has freed what this batch left behind: its backlog depends on
            // scheduling, not on how many threads have come and gone.
            while (collected.get() < handedOver.get() && failure.get() == null) {
                Thread.sleep(1);
            }
            long growth = GMalloc.stats().reservedBytes() - baseline.reservedBytes();
            if (t < threads / 2) {
                peakFirstHalf = Math.max(peakFirstHalf, growth);
            } else {
                peakSecondHalf = Math.max(peakSecondHalf, growth);
            }
        }
        leftBehind.put(new long[0]);
        collector.join();
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(failure.get()).isNull();
        assertThat(freedLater.get()).isEqualTo(leftCount);

        // Bounded: the second half of the threads needs no more than the first (anything leaked per thread
        // would make the peak reservation of the second half about twice that of the first).
        assertThat(peakFirstHalf).as("the first threads had to reserve memory").isPositive();
        assertThat(peakSecondHalf)
                .as("peak reservation growth, second half vs. first half (%d)", peakFirstHalf)
                .isLessThanOrEqualTo(peakFirstHalf + peakFirstHalf / 2);
        GMallocStats afterChurn = GMalloc.stats();
        assertThat(afterChurn.liveBlocks()).as("nothing lost").isEqualTo(baseline.liveBlocks());
        assertThat(afterChurn.heaps()).as("dead threads' heaps are reaped").isLessThanOrEqualTo(baseline.heaps());

        GMalloc.trim();
        long reservedAfterTrim = GMalloc.stats().reservedBytes();
        assertThat(reservedAfterTrim)
                .as("trim gives the dead threads' memory back")
                .isLessThanOrEqualTo(baseline.reservedBytes());
        Sizing.report(
                "ThreadChurnTest.platform",
                String.format(
                        "threads=%d blocks=%d freedLaterByOtherThread=%d wall=%dms peakReservedMiB=%.1f"
                                + " (growth first half %.2f, second half %.2f) reservedAfterTrimMiB=%.1f baselineMiB=%.1f",
                        threads,
                        (long) threads * perThread,
                        leftCount,
                        wallMillis,
                        (baseline.reservedBytes() + Math.max(peakFirstHalf, peakSecondHalf)) / 1048576.0,
                        peakFirstHalf / 1048576.0,
                        peakSecondHalf / 1048576.0,
                        reservedAfterTrim / 1048576.0,
                        baseline.reservedBytes() / 1048576.0));
    }

    private static void churn(
            int count, Exit exit, LinkedBlockingQueue<long[]> leftBehind, AtomicReference<Throwable> failure) {
        try {
            long[] blocks = new long[count];
            for (int i = 0; i < count; i++) {
                blocks[i] = GMalloc.gmalloc(24);
                Patterns.writeWords(blocks[i], 24, 24);
            }
            switch (exit) {
                case FREES_ALL -> {
                    for (long b : blocks) {
                        GMalloc.gfree(b);
                    }
                }
                case LEAVES_ALL -> leftBehind.put(blocks);
                case FREES_HALF -> {
                    long[] rest = new long[count / 2];
                    for (int i = 0; i < count; i++) {
                        if (i % 2 == 0) {
                            GMalloc.gfree(blocks[i]);
                        } else {
                            rest[i / 2] = blocks[i];
                        }
                    }
                    leftBehind.put(rest);
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    @Test
    void aHundredThousandVirtualThreadsShareHeapsBoundedByTheCores() throws Exception {
        int threads = Sizing.pick(100_000, 1_000_000);
        int perThread = 4;
        int bound = 4 * Runtime.getRuntime().availableProcessors();
        GMallocStats baseline = GMalloc.stats();
        Set<Long> live = ConcurrentHashMap.newKeySet();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong maxHeapsSeen = new AtomicLong();
        int wave = Math.min(threads, 100_000); // alive at the same time
        long start = System.nanoTime();
        for (int done = 0; done < threads; done += wave) {
            CountDownLatch allocated = new CountDownLatch(wave);
            CountDownLatch release = new CountDownLatch(1);
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < wave; t++) {
                    int n = done + t;
                    executor.submit(() -> {
                        long[] mine = new long[perThread];
                        try {
                            for (int i = 0; i < perThread; i++) {
                                long size = 1 + (n * 7L + i * 13L) % 200;
                                mine[i] = GMalloc.gmalloc(size);
                                if (!live.add(mine[i])) {
                                    throw new AssertionError("handed out twice: 0x" + Long.toHexString(mine[i]));
                                }
                                Patterns.writeWords(mine[i], size, n);
                            }
                            allocated.countDown();
                            release.await();
                            for (int i = 0; i < perThread; i++) {
                                long size = 1 + (n * 7L + i * 13L) % 200;
                                if (!Patterns.wordsIntact(mine[i], size, n)) {
                                    throw new AssertionError("overwritten: 0x" + Long.toHexString(mine[i]));
                                }
                                live.remove(mine[i]);
                                GMalloc.gfree(mine[i]);
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                            allocated.countDown();
                        }
                        return null;
                    });
                }
                assertThat(allocated.await(10, TimeUnit.MINUTES)).isTrue();
                int heaps = GMalloc.stats().heaps();
                maxHeapsSeen.accumulateAndGet(heaps, Math::max);
                assertThat(heaps - baseline.heaps())
                        .as("heaps with %d virtual threads alive", wave)
                        .isLessThanOrEqualTo(bound);
                assertThat(GMalloc.stats().liveBlocks() - baseline.liveBlocks())
                        .as("live while all hold theirs")
                        .isEqualTo((long) wave * perThread);
                release.countDown();
            }
        }
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(failure.get()).isNull();
        assertThat(live).isEmpty();
        assertThat(GMalloc.stats().liveBlocks()).isEqualTo(baseline.liveBlocks());
        Sizing.report(
                "ThreadChurnTest.virtual",
                String.format(
                        "virtualThreads=%d blocks=%d maxHeaps=%d" + " (baseline %d, cores %d) wall=%dms",
                        threads,
                        (long) threads * perThread,
                        maxHeapsSeen.get(),
                        baseline.heaps(),
                        Runtime.getRuntime().availableProcessors(),
                        wallMillis));
    }
}
