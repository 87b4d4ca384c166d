package io.gmalloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConcurrencyTest {

    @Test
    void producerConsumerFreesLoseNothingAndNeverHandOutABlockTwice() throws Exception {
        int producers = 2;
        int perProducer = 300_000;
        BlockingQueue<long[]> queue = new ArrayBlockingQueue<>(10_000);
        Set<Long> live = ConcurrentHashMap.newKeySet();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long liveBefore = GMalloc.stats().liveBlocks();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int seed = p;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < perProducer; i++) {
                        long size = 1 + (i * 31L + seed) % 300;
                        long address = GMalloc.gmalloc(size);
                        if (!live.add(address)) {
                            throw new AssertionError("handed out twice: " + Long.toHexString(address));
                        }
                        Blocks.ALL.asSlice(address, size).fill((byte) size);
                        if (!queue.offer(new long[] {address, size}, 30, TimeUnit.SECONDS)) {
                            throw new AssertionError("consumer stopped", failure.get());
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        Thread consumer = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < producers * perProducer; i++) {
                    long[] item = queue.poll(30, TimeUnit.SECONDS);
                    if (item == null) {
                        throw new AssertionError("producers stopped after " + i + " blocks", failure.get());
                    }
                    long address = item[0];
                    long size = item[1];
                    assertThat(Blocks.ALL.get(java.lang.foreign.ValueLayout.JAVA_BYTE, address + size - 1))
                            .isEqualTo((byte) size);
                    live.remove(address); // before the free: the producer may get it back right after
                    GMalloc.gfree(address);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        });
        for (Thread t : threads) {
            t.join();
        }
        consumer.join();
        assertThat(failure.get()).isNull();
        assertThat(GMalloc.stats().liveBlocks()).isEqualTo(liveBefore);
    }

    @Test
    void remotelyFreedBlocksAreReusedByTheOwner() throws Exception {
        int count = 100_000;
        long[] blocks = new long[count];
        for (int i = 0; i < count; i++) {
            blocks[i] = GMalloc.gmalloc(56);
        }
        Thread.ofPlatform()
                .start(() -> {
                    for (long b : blocks) {
                        GMalloc.gfree(b);
                    }
                })
                .join();
        long reserved = GMalloc.stats().reservedBytes();
        long[] again = new long[count];
        for (int i = 0; i < count; i++) {
            again[i] = GMalloc.gmalloc(56);
            assertThat(Blocks.firstNonZero(again[i], 56)).isEqualTo(-1);
        }
        assertThat(GMalloc.stats().reservedBytes()).isEqualTo(reserved);
        for (long b : again) {
            GMalloc.gfree(b);
        }
    }

    @Test
    void shortLivedThreadsLeaveNothingBehindAndTheirMemoryIsReused() throws Exception {
        int threads = 200;
        int perThread = 5_000;
        LinkedBlockingQueue<long[]> handedOver = new LinkedBlockingQueue<>();
        ExecutorService receiver = Executors.newSingleThreadExecutor();
        try {
            for (int t = 0; t < threads; t++) {
                Thread thread = Thread.ofPlatform().start(() -> {
                    long[] blocks = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        blocks[i] = GMalloc.gmalloc(24);
                        Blocks.ALL.set(java.lang.foreign.ValueLayout.JAVA_LONG, blocks[i], blocks[i]);
                    }
                    handedOver.add(blocks);
                });
                thread.join();
            }
            assertThat(GMalloc.stats().heaps())
                    .as("dead threads' heaps are reaped")
                    .isLessThan(threads / 2);
            Future<?> freed = receiver.submit(() -> {
                for (int t = 0; t < threads; t++) {
                    for (long b : handedOver.remove()) {
                        assertThat(Blocks.ALL.get(java.lang.foreign.ValueLayout.JAVA_LONG, b))
                                .isEqualTo(b);
                        GMalloc.gfree(b);
                    }
                }
            });
            freed.get();
        } finally {
            receiver.shutdown();
        }
        long reservedBefore = GMalloc.stats().reservedBytes();
        long released = GMalloc.trim();
        assertThat(released).as("trim gives the dead threads' arenas back").isPositive();
        assertThat(GMalloc.stats().reservedBytes()).isLessThanOrEqualTo(reservedBefore - released);

        // A live thread reuses memory: after a first round it allocates the same again without new reservations.
        AtomicLong reservedGrowth = new AtomicLong();
        Thread.ofPlatform()
                .start(() -> {
                    long[] blocks = new long[perThread * 10];
                    for (int i = 0; i < blocks.length; i++) {
                        blocks[i] = GMalloc.gmalloc(24);
                    }
                    for (long b : blocks) {
                        GMalloc.gfree(b);
                    }
                    long before = GMalloc.stats().reservedBytes();
                    for (int i = 0; i < blocks.length; i++) {
                        blocks[i] = GMalloc.gmalloc(24);
                    }
                    reservedGrowth.set(GMalloc.stats().reservedBytes() - before);
                    for (long b : blocks) {
                        GMalloc.gfree(b);
                    }
                })
                .join();
        assertThat(reservedGrowth.get()).isZero();
    }

    @Test
    void orphanedSlabsAreAdoptedByLiveThreads() throws Exception {
        int perThread = 50_000;
        long[] blocks = new long[perThread];
        Thread.ofPlatform()
                .start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        blocks[i] = GMalloc.gmalloc(72);
                    }
                })
                .join();
        for (int i = 0; i < perThread; i += 2) {
            GMalloc.gfree(blocks[i]); // free half of a dead thread's blocks
        }
        GMalloc.stats(); // reaps the dead heap
        long reserved = GMalloc.stats().reservedBytes();
        long[] again = new long[perThread / 2];
        Thread.ofPlatform()
                .start(() -> {
                    for (int i = 0; i < again.length; i++) {
                        again[i] = GMalloc.gmalloc(72);
                    }
                })
                .join();
        assertThat(GMalloc.stats().reservedBytes())
                .as("the holes of the orphaned slabs were reused")
                .isEqualTo(reserved);
        for (int i = 1; i < perThread; i += 2) {
            GMalloc.gfree(blocks[i]);
        }
        for (long b : again) {
            GMalloc.gfree(b);
        }
    }

    @Test
    void tenThousandVirtualThreadsShareAFewHeaps() throws Exception {
        int heapsBefore = GMalloc.stats().heaps();
        int threads = 10_000;
        CountDownLatch allAllocated = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                int n = t;
                executor.submit(() -> {
                    try {
                        long[] mine = new long[10];
                        for (int i = 0; i < mine.length; i++) {
                            mine[i] = GMalloc.gmalloc(8 + (n + i) % 100);
                            if (!seen.add(mine[i])) {
                                throw new AssertionError("handed out twice");
                            }
                        }
                        allAllocated.countDown();
                        release.await();
                        for (long b : mine) {
                            seen.remove(b);
                            GMalloc.gfree(b);
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        allAllocated.countDown();
                    }
                });
            }
            assertThat(allAllocated.await(60, TimeUnit.SECONDS)).isTrue();
            int heapsDuring = GMalloc.stats().heaps();
            assertThat(heapsDuring - heapsBefore)
                    .isLessThanOrEqualTo(4 * Runtime.getRuntime().availableProcessors());
            release.countDown();
        }
        assertThat(failure.get()).isNull();
    }
}
