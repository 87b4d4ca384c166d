package io.gmalloc.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gmalloc.BucketStats;
import io.gmalloc.GMalloc;
import io.gmalloc.GMallocStats;
import io.gmalloc.InvalidAccessException;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import io.gmalloc.SpecialBucket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Addresses a hostile user makes up (extreme longs, the unused tail of a slab, a trimmed slab) handed to every
 * entry point that takes an address, and frees that race each other on every path a free can take. Only gmalloc's
 * validation ever looks at these addresses.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileAddressTest {
    /** Leaves this thread's heap as a fresh one would be, for tests that run after these in the same JVM. */
    @AfterEach
    void trimAfterwards() {
        GMalloc.trim();
    }

    private static final long[] EXTREMES = {
        Long.MIN_VALUE,
        Long.MIN_VALUE + 8,
        -1,
        -8,
        -4096,
        1,
        8,
        4096,
        (1L << 47) - 8,
        1L << 47,
        (1L << 48) - 8,
        1L << 48,
        (1L << 48) + 8,
        Long.MAX_VALUE,
        Long.MAX_VALUE - 7,
        0x7fff_ffff_f000L,
        0xffff_ffffL,
        1L << 32
    };

    @Test
    void everyEntryPointRejectsExtremeAddressesWithoutCrashing() {
        SpecialBucket bucket = new SpecialBucket("hostile.Extreme16", 16, 8);
        GMallocStats before = GMalloc.stats();
        for (long address : EXTREMES) {
            InvalidFreeException free = catchThrowableOfType(InvalidFreeException.class, () -> GMalloc.gfree(address));
            assertThat(free).as("gfree(0x%x)", address).isNotNull();
            assertThat(free.reason()).isEqualTo(Reason.NOT_OWNED);
            assertThat(free.address()).isEqualTo(address);
            assertThat(catchThrowableOfType(InvalidFreeException.class, () -> bucket.free(address))
                            .reason())
                    .isEqualTo(Reason.NOT_OWNED);
            assertThat(catchThrowable(() -> GMalloc.usableSize(address)))
                    .as("usableSize(0x%x)", address)
                    .isInstanceOf(IllegalArgumentException.class)
                    .isNotInstanceOf(InvalidFreeException.class);
            assertThat(catchThrowable(() -> GMalloc.segment(address))).isInstanceOf(IllegalArgumentException.class);
            assertThat(catchThrowable(() -> GMalloc.grealloc(address, 8))).isInstanceOf(InvalidFreeException.class);
            assertThat(catchThrowable(() -> GMalloc.grealloc(address, 4096))).isInstanceOf(InvalidFreeException.class);
            for (long bytes : new long[] {0, 1, 8, Long.MAX_VALUE, -1}) {
                assertThat(catchThrowable(() -> GMalloc.checkAccess(address, bytes)))
                        .as("checkAccess(0x%x, %d)", address, bytes)
                        .isInstanceOf(InvalidAccessException.class);
            }
        }
        GMallocStats after = GMalloc.stats();
        assertThat(after.liveBlocks()).isEqualTo(before.liveBlocks());
        assertThat(after.invalidFrees() - before.invalidFrees())
                .as("each invalid free counted")
                .isEqualTo(4L * EXTREMES.length);
    }

    @Test
    void blockBoundariesOfASlabThatWereNeverHandedOutAreNotOwnedUpToItsVeryEnd() {
        for (long stride : new long[] {24, 40, 56, 200, 12, 7, 1000}) {
            SpecialBucket bucket = new SpecialBucket("hostile.Tail" + stride, stride, stride % 8 == 0 ? 8 : 1);
            long first = bucket.alloc(); // a fresh bucket: block 0 of its first slab
            BucketStats stats = bucket.stats();
            assertThat(stats.arenas()).isEqualTo(1);
            long blocks = stats.liveBlocks() + stats.freeBlocks();
            // Every block boundary of the slab past the high-water mark, and the first one past its last block
            // (inside the slab's unused tail when the slab is not a multiple of the stride).
            for (long k = 1; k <= blocks; k++) {
                long address = first + k * stride;
                InvalidFreeException e = catchThrowableOfType(InvalidFreeException.class, () -> GMalloc.gfree(address));
                if (k == blocks && e == null) {
                    continue; // cannot happen: the next slab would not start at this exact address
                }
                assertThat(e)
                        .as("gfree of block boundary %d of %d (stride %d)", k, blocks, stride)
                        .isNotNull();
                assertThat(e.reason())
                        .as("block boundary %d of %d (stride %d): %s", k, blocks, stride, e.getMessage())
                        .isEqualTo(Reason.NOT_OWNED);
                if (k == blocks || k == 1) {
                    assertThat(catchThrowableOfType(InvalidFreeException.class, () -> bucket.free(address))
                                    .reason())
                            .isEqualTo(Reason.NOT_OWNED);
                    AtomicReference<Reason> remote = new AtomicReference<>();
                    Thread other = Thread.ofPlatform()
                            .start(() -> remote.set(
                                    catchThrowableOfType(InvalidFreeException.class, () -> GMalloc.gfree(address))
                                            .reason()));
                    join(other);
                    assertThat(remote.get())
                            .as("remote gfree of boundary %d", k)
                            .isEqualTo(Reason.NOT_OWNED);
                }
            }
            bucket.free(first);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void statsBucketsAddUpToTheTotals() {
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            blocks.add(GMalloc.gmalloc(i % 700));
        }
        GMallocStats stats = GMalloc.stats();
        long small = 0;
        long smallBytes = 0;
        for (BucketStats b : stats.buckets()) {
            small += b.liveBlocks();
            smallBytes += b.liveBlocks() * b.blockSize();
            assertThat(b.liveBlocks()).isNotNegative();
            assertThat(b.freeBlocks()).isNotNegative();
        }
        assertThat(stats.liveBlocks()).isEqualTo(small + stats.largeAllocations());
        assertThat(stats.liveBytes()).isGreaterThanOrEqualTo(smallBytes + 513 * stats.largeAllocations());
        assertThat(stats.reservedBytes()).isGreaterThanOrEqualTo(stats.committedBytes());
        assertThat(stats.committedBytes()).isGreaterThanOrEqualTo(stats.liveBytes());
        blocks.forEach(GMalloc::gfree);
    }

    /** Two threads free one block at the same moment; exactly one takes effect, the block is never handed out twice. */
    private static void race(String what, long[] blocks, int threadsPerBlock) throws Exception {
        long invalidBefore = GMalloc.stats().invalidFrees();
        AtomicInteger thrown = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(threadsPerBlock)) {
            for (long p : blocks) {
                CyclicBarrier start = new CyclicBarrier(threadsPerBlock);
                List<Future<?>> frees = new ArrayList<>();
                for (int t = 0; t < threadsPerBlock; t++) {
                    frees.add(pool.submit(() -> {
                        start.await();
                        try {
                            GMalloc.gfree(p);
                            accepted.incrementAndGet();
                        } catch (InvalidFreeException e) {
                            assertThat(e.reason()).isEqualTo(Reason.DOUBLE_FREE);
                            thrown.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : frees) {
                    f.get();
                }
            }
        }
        int extra = blocks.length * (threadsPerBlock - 1);
        if (GMalloc.checkedMode()) {
            assertThat(thrown.get())
                    .as("%s: every losing free throws in checked mode", what)
                    .isEqualTo(extra);
        }
        assertThat(accepted.get()).as("%s: at least one free per block", what).isGreaterThanOrEqualTo(blocks.length);
        GMalloc.trim();
        long counted = GMalloc.stats().invalidFrees() - invalidBefore;
        assertThat(thrown.get()).isLessThanOrEqualTo(extra);
        // Every losing free is thrown or, in default mode, counted once the owner drained it.
        assertThat(counted).as("%s: losing frees counted", what).isGreaterThanOrEqualTo(thrown.get());
    }

    @Test
    void racingFreesOfAThirdThreadsSmallBlocksTakeEffectOnce() throws Exception {
        long[][] made = new long[1][];
        Thread owner = Thread.ofPlatform().start(() -> {
            made[0] = new long[2000];
            for (int i = 0; i < made[0].length; i++) {
                made[0][i] = GMalloc.gmalloc(32);
            }
        });
        owner.join();
        Set<Long> raced = new HashSet<>();
        for (long p : made[0]) {
            raced.add(p);
        }
        race("remote vs remote", made[0], 2);
        neverHandedOutTwice(raced, 32);
    }

    @Test
    void racingFreesOfLargeAndSpecialBlocksTakeEffectOnce() throws Exception {
        long[] large = new long[300];
        for (int i = 0; i < large.length; i++) {
            large[i] = GMalloc.gmalloc(i % 3 == 0 ? 2L << 20 : 600 + i);
        }
        race("large", large, 3);
        SpecialBucket bucket = new SpecialBucket("hostile.Race20", 20, 4);
        long[] special = new long[2000];
        for (int i = 0; i < special.length; i++) {
            special[i] = bucket.alloc();
        }
        race("special", special, 2);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 4000; i++) {
            assertThat(seen.add(bucket.alloc()))
                    .as("special block handed out twice")
                    .isTrue();
        }
        seen.forEach(bucket::free);
    }

    @Test
    void racingFreesOfAVirtualThreadStripesBlocksTakeEffectOnce() throws Exception {
        long[][] made = new long[1][];
        Thread owner = Thread.ofVirtual().start(() -> {
            made[0] = new long[2000];
            for (int i = 0; i < made[0].length; i++) {
                made[0][i] = GMalloc.gmalloc(48);
            }
        });
        owner.join();
        Set<Long> raced = new HashSet<>();
        for (long p : made[0]) {
            raced.add(p);
        }
        race("stripe", made[0], 2);
        Set<Long> seen = new HashSet<>();
        Thread again = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 8000; i++) {
                assertThat(seen.add(GMalloc.gmalloc(48)))
                        .as("stripe block handed out twice")
                        .isTrue();
            }
        });
        again.join();
        assertThat(seen).hasSize(8000);
        seen.forEach(GMalloc::gfree);
    }

    /** This thread allocates many blocks of {@code size}: none is handed out twice. */
    private static void neverHandedOutTwice(Set<Long> raced, long size) {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 8000; i++) {
            assertThat(seen.add(GMalloc.gmalloc(size)))
                    .as("block handed out twice")
                    .isTrue();
        }
        seen.forEach(GMalloc::gfree);
        assertThat(raced).isNotEmpty();
    }
}
