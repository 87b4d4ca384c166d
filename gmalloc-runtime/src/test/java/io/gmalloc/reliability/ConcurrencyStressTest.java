package io.gmalloc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.gmalloc.GMalloc;
import io.gmalloc.GMallocStats;
import io.gmalloc.SpecialBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Producers allocate blocks of random sizes and kinds, write check words into them, and hand most of them through
 * queues to consumers that verify and free them (cross-thread frees); the rest they free themselves after a
 * while (same-thread frees); consumers first grow a fifth of the general blocks with {@code grealloc} (a
 * cross-thread realloc). A trimmer calls {@code trim()} all the time. Invariants: no block is handed out while
 * it is live (a concurrent address set), every block keeps its contents until freed, and when all threads are done
 * the live count is back to its baseline (nothing lost, nothing freed twice).
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class ConcurrencyStressTest {
    private static final SpecialBucket VEC3 = new SpecialBucket("stress.Vec3", 12, 4);
    private static final SpecialBucket ODD = new SpecialBucket("stress.Odd", 7, 1);
    private static final SpecialBucket WIDE = new SpecialBucket("stress.Wide", 200, 8);
    private static final SpecialBucket[] SPECIALS = {VEC3, ODD, WIDE};

    /** A block in flight: address, size, kind (0 general, 1+ special index + 1). */
    private record Item(long address, long size, int special) {}

    private static final Item POISON_PILL = new Item(0, 0, -1);

    enum Mix {
        GENERAL,
        SPECIAL,
        MIXED
    }

    @Test
    void crossThreadFreesWithConcurrentTrimLoseNothing() throws Exception {
        run("general", Mix.GENERAL, 2, 2, Sizing.pick(2_000_000, 40_000_000), false);
    }

    @Test
    void specialBucketsUnderCrossThreadFreesLoseNothing() throws Exception {
        run("special", Mix.SPECIAL, 2, 1, Sizing.pick(1_000_000, 15_000_000), false);
    }

    @Test
    void virtualThreadProducersAndPlatformConsumersLoseNothing() throws Exception {
        run("virtual", Mix.MIXED, 8, 2, Sizing.pick(800_000, 15_000_000), true);
    }

    private static void run(String name, Mix mix, int producers, int consumers, long blocks, boolean virtual)
            throws Exception {
        GMalloc.trim();
        GMallocStats baseline = GMalloc.stats();
        Set<Long> live = ConcurrentHashMap.newKeySet();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong peakReserved = new AtomicLong(baseline.reservedBytes());
        AtomicLong trims = new AtomicLong();
        AtomicLong localFrees = new AtomicLong();
        AtomicLong remoteFrees = new AtomicLong();
        AtomicLong regrown = new AtomicLong();
        List<BlockingQueue<Item>> queues = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            queues.add(new ArrayBlockingQueue<>(4096));
        }
        long start = System.nanoTime();

        List<Thread> consumerThreads = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            BlockingQueue<Item> queue = queues.get(c);
            consumerThreads.add(Thread.ofPlatform().name("stress-consumer-" + c).start(() -> {
                try {
                    SplittableRandom random = new SplittableRandom(queue.hashCode());
                    int pills = 0;
                    while (pills < producers) {
                        Item item = queue.take();
                        if (item == POISON_PILL) {
                            pills++;
                            continue;
                        }
                        if (item.special == 0 && random.nextInt(5) == 0) {
                            item = growHere(item, item.size + 1 + random.nextLong(600), live, failure);
                            regrown.incrementAndGet();
                        }
                        verifyAndFree(item, live, failure);
                        remoteFrees.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }

        Thread trimmer = Thread.ofPlatform().name("stress-trimmer").start(() -> {
            try {
                while (!done.get()) {
                    GMalloc.trim();
                    trims.incrementAndGet();
                    peakReserved.accumulateAndGet(GMalloc.stats().reservedBytes(), Math::max);
                    Thread.sleep(2);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        });

        List<Thread> producerThreads = new ArrayList<>();
        long perProducer = blocks / producers;
        for (int p = 0; p < producers; p++) {
            int seed = p;
            Runnable body = () -> {
                SplittableRandom random = new SplittableRandom(seed * 7919L + 17);
                Item[] ring = new Item[64]; // blocks this producer frees itself, a while after allocating them
                try {
                    for (long i = 0; i < perProducer && failure.get() == null; i++) {
                        Item item = allocate(mix, random);
                        if (!live.add(item.address)) {
                            throw new AssertionError("0x" + Long.toHexString(item.address) + " handed out twice");
                        }
                        if (Patterns.firstNonZero(item.address, 0, Math.min(item.size, 64)) >= 0) {
                            throw new AssertionError("block 0x" + Long.toHexString(item.address) + " not zeroed");
                        }
                        Patterns.writeWords(item.address, item.size, item.size);
                        if (random.nextInt(10) < 3) {
                            int slot = random.nextInt(ring.length);
                            Item old = ring[slot];
                            ring[slot] = item;
                            if (old != null) {
                                verifyAndFree(old, live, failure);
                                localFrees.incrementAndGet();
                            }
                        } else {
                            queues.get(random.nextInt(consumers)).put(item);
                        }
                    }
                    for (Item old : ring) {
                        if (old != null) {
                            verifyAndFree(old, live, failure);
                            localFrees.incrementAndGet();
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    for (BlockingQueue<Item> queue : queues) {
                        try {
                            queue.put(POISON_PILL);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            };
            producerThreads.add(
                    virtual
                            ? Thread.ofVirtual().start(body)
                            : Thread.ofPlatform().start(body));
        }
        for (Thread t : producerThreads) {
            t.join();
        }
        for (Thread t : consumerThreads) {
            t.join();
        }
        done.set(true);
        trimmer.join();
        long wallMillis = (System.nanoTime() - start) / 1_000_000;

        if (failure.get() != null) {
            throw new AssertionError("stress " + name + " failed", failure.get());
        }
        assertThat(live).as("blocks not freed").isEmpty();
        GMallocStats after = GMalloc.stats();
        assertThat(after.liveBlocks()).as("live blocks back to baseline").isEqualTo(baseline.liveBlocks());
        assertThat(after.liveBytes()).as("live bytes back to baseline").isEqualTo(baseline.liveBytes());
        assertThat(after.largeAllocations()).isEqualTo(baseline.largeAllocations());
        assertThat(after.invalidFrees()).as("no valid free was rejected").isEqualTo(baseline.invalidFrees());
        assertThat(localFrees.get() + remoteFrees.get()).isEqualTo(perProducer * producers);
        assertThat(remoteFrees.get()).as("most frees were cross-thread").isGreaterThan(localFrees.get());
        assertThat(trims.get()).as("trim ran concurrently").isPositive();
        assertThat(regrown.get()).as("consumers grew blocks with grealloc").isPositive();
        GMalloc.trim();
        Sizing.report(
                "ConcurrencyStressTest." + name,
                String.format(
                        "blocks=%d producers=%d%s consumers=%d remoteFrees=%d (grown first: %d) localFrees=%d trims=%d wall=%dms"
                                + " peakReservedMiB=%.1f",
                        perProducer * producers,
                        producers,
                        virtual ? "(virtual)" : "",
                        consumers,
                        remoteFrees.get(),
                        regrown.get(),
                        localFrees.get(),
                        trims.get(),
                        wallMillis,
                        peakReserved.get() / 1048576.0));
    }

    private static Item allocate(Mix mix, SplittableRandom random) {
        boolean special = switch (mix) {
            case GENERAL -> false;
            case SPECIAL -> random.nextInt(10) < 9;
            case MIXED -> random.nextBoolean();
        };
        if (special) {
            int which = random.nextInt(SPECIALS.length);
            return new Item(SPECIALS[which].alloc(), SPECIALS[which].stride(), which + 1);
        }
        int dice = random.nextInt(100);
        long size = dice < 85
                ? random.nextLong(0, 129)
                : dice < 99 ? random.nextLong(129, 513) : random.nextLong(513, 20_000);
        return new Item(GMalloc.gmalloc(size), Math.max(size, 1), 0);
    }

    /**
     * {@code grealloc} of another thread's block from this one: the old bytes (check words) must move along, the
     * grown tail must be zero, and the new address must not be live anywhere else.
     */
    private static Item growHere(Item item, long newSize, Set<Long> live, AtomicReference<Throwable> failure) {
        if (!Patterns.wordsIntact(item.address, item.size, item.size)) {
            failure.compareAndSet(
                    null,
                    new AssertionError("block 0x" + Long.toHexString(item.address) + " overwritten before grealloc"));
        }
        byte[] before = Patterns.bytes(item.address, item.size);
        live.remove(item.address); // grealloc may free it, and a producer may get it back at once
        long moved = GMalloc.grealloc(item.address, newSize);
        if (!live.add(moved)) {
            failure.compareAndSet(
                    null, new AssertionError("grealloc returned live block 0x" + Long.toHexString(moved)));
        }
        if (!java.util.Arrays.equals(before, Patterns.bytes(moved, item.size))) {
            failure.compareAndSet(
                    null, new AssertionError("grealloc " + item.size + " -> " + newSize + " lost the old bytes"));
        }
        if (Patterns.firstNonZero(moved, item.size, Math.min(newSize, item.size + 64)) >= 0) {
            failure.compareAndSet(
                    null, new AssertionError("grealloc " + item.size + " -> " + newSize + " did not zero the tail"));
        }
        Item grown = new Item(moved, newSize, 0);
        Patterns.writeWords(moved, newSize, newSize);
        return grown;
    }

    private static void verifyAndFree(Item item, Set<Long> live, AtomicReference<Throwable> failure) {
        if (!Patterns.wordsIntact(item.address, item.size, item.size)) {
            failure.compareAndSet(
                    null,
                    new AssertionError("block 0x" + Long.toHexString(item.address) + " of " + item.size
                            + " bytes was overwritten while live"));
        }
        long usable = GMalloc.usableSize(item.address);
        if (usable < item.size) {
            failure.compareAndSet(null, new AssertionError("usableSize " + usable + " < " + item.size));
        }
        live.remove(item.address); // before the free: the allocator may hand the address out again right after
        LongConsumer free = item.special == 0 ? GMalloc::gfree : SPECIALS[item.special - 1]::free;
        free.accept(item.address);
    }
}
