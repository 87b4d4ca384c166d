package io.gmalloc.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gmalloc.GMalloc;
import io.gmalloc.GMallocStats;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import io.gmalloc.SpecialBucket;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A hostile user of the public API only: every row of the contract's semantics table attacked with the sizes,
 * addresses and thread interleavings the other suites do not try. Nothing here reads memory gmalloc does not own:
 * every address probed is either one of our live blocks or only handed to gmalloc's own validation.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileUserTest {
    /** Leaves this thread's heap as a fresh one would be, for tests that run after these in the same JVM. */
    @AfterEach
    void trimAfterwards() {
        GMalloc.trim();
    }

    private static final MemorySegment ALL = GMalloc.addressSpace();

    private static final long MIB = 1L << 20;

    /** Sizes at every edge the contract names: 0..520, around the large-block and mapping thresholds. */
    private static List<Long> edgeSizes() {
        List<Long> sizes = new ArrayList<>();
        for (long s = 0; s <= 520; s++) {
            sizes.add(s);
        }
        for (long s : new long[] {
            4095, 4096, 4097, 65_535, 65_536, 65_537, MIB - 1, MIB, MIB + 1, 8 * MIB - 1, 8 * MIB, 8 * MIB + 1
        }) {
            sizes.add(s);
        }
        return sizes;
    }

    private static long expectedUsable(long size) {
        long s = Math.max(size, 1);
        return s <= 512 ? (s + 7) & -8L : (s + 15) & -16L;
    }

    private static void fill(long address, long bytes, byte value) {
        ALL.asSlice(address, bytes).fill(value);
    }

    private static boolean allZero(long address, long bytes) {
        return ALL.asSlice(address, bytes).mismatch(MemorySegment.ofArray(new byte[Math.toIntExact(bytes)])) == -1;
    }

    private static boolean allEqual(long address, long bytes, byte value) {
        byte[] expected = new byte[Math.toIntExact(bytes)];
        java.util.Arrays.fill(expected, value);
        return ALL.asSlice(address, bytes).mismatch(MemorySegment.ofArray(expected)) == -1;
    }

    private static Reason freeReason(Runnable call) {
        InvalidFreeException e = catchThrowableOfType(InvalidFreeException.class, call::run);
        assertThat(e).as("expected an InvalidFreeException").isNotNull();
        return e.reason();
    }

    @Test
    void everyEdgeSizeIsZeroedAlignedSizedAndFreedExactlyOnce() {
        GMallocStats before = GMalloc.stats();
        List<Long> sizes = edgeSizes();
        long[] addresses = new long[sizes.size()];
        Set<Long> distinct = new HashSet<>();
        long usableSum = 0;
        for (int i = 0; i < addresses.length; i++) {
            long size = sizes.get(i);
            long a = GMalloc.gmalloc(size);
            addresses[i] = a;
            assertThat(a).as("gmalloc(%d)", size).isNotZero();
            assertThat(distinct.add(a))
                    .as("gmalloc(%d) is a fresh address", size)
                    .isTrue();
            assertThat(a % (size > 512 ? 16 : 8))
                    .as("alignment of gmalloc(%d)", size)
                    .isZero();
            long usable = GMalloc.usableSize(a);
            assertThat(usable).as("usableSize of gmalloc(%d)", size).isEqualTo(expectedUsable(size));
            assertThat(GMalloc.segment(a).byteSize()).isEqualTo(usable);
            assertThat(allZero(a, usable)).as("gmalloc(%d) zero-filled", size).isTrue();
            fill(a, usable, (byte) (i | 1));
            usableSum += usable;
        }
        GMallocStats during = GMalloc.stats();
        assertThat(during.liveBlocks() - before.liveBlocks()).isEqualTo(addresses.length);
        assertThat(during.liveBytes() - before.liveBytes()).isEqualTo(usableSum);
        for (int i = 0; i < addresses.length; i++) {
            long a = addresses[i];
            assertThat(allEqual(a, GMalloc.usableSize(a), (byte) (i | 1)))
                    .as("block %d kept its bytes", i)
                    .isTrue();
        }
        for (long a : addresses) {
            GMalloc.gfree(a);
        }
        for (int i = 0; i < addresses.length; i++) {
            long a = addresses[i];
            long size = sizes.get(i);
            assertThat(freeReason(() -> GMalloc.gfree(a)))
                    .as("second gfree of gmalloc(%d)", size)
                    .isEqualTo(Reason.DOUBLE_FREE);
            Throwable query = catchThrowable(() -> GMalloc.usableSize(a));
            assertThat(query).as("usableSize of freed gmalloc(%d)", size).isInstanceOf(IllegalArgumentException.class);
            assertThat(catchThrowable(() -> GMalloc.segment(a))).isInstanceOf(IllegalArgumentException.class);
            assertThat(catchThrowable(() -> GMalloc.grealloc(a, 16)))
                    .as("grealloc of freed gmalloc(%d)", size)
                    .isInstanceOf(InvalidFreeException.class);
        }
        GMallocStats after = GMalloc.stats();
        assertThat(after.liveBlocks()).isEqualTo(before.liveBlocks());
        assertThat(after.liveBytes()).isEqualTo(before.liveBytes());
        assertThat(after.largeAllocations()).isEqualTo(before.largeAllocations());
    }

    @Test
    void reusedBlocksOfEverySizeAreZeroAgain() {
        for (long size : edgeSizes()) {
            long a = GMalloc.gmalloc(size);
            fill(a, GMalloc.usableSize(a), (byte) 0x5A);
            GMalloc.gfree(a);
            long b = GMalloc.gmalloc(size);
            assertThat(allZero(b, GMalloc.usableSize(b)))
                    .as("reused gmalloc(%d) zero", size)
                    .isTrue();
            GMalloc.gfree(b);
        }
    }

    @Test
    void interiorAndMisalignedPointersOfLargeAndMappedBlocksAreRejected() {
        for (long size : new long[] {513, 4096, MIB, 8 * MIB + 1}) {
            long a = GMalloc.gmalloc(size);
            long usable = GMalloc.usableSize(a);
            GMallocStats before = GMalloc.stats();
            for (long offset : new long[] {1, 8, 16, 4096, usable - 16, usable - 1}) {
                if (offset >= usable) {
                    continue;
                }
                long p = a + offset;
                assertThat(freeReason(() -> GMalloc.gfree(p)))
                        .as("gfree(%d-byte block + %d)", size, offset)
                        .isEqualTo(Reason.INTERIOR);
                assertThat(catchThrowable(() -> GMalloc.usableSize(p))).isInstanceOf(IllegalArgumentException.class);
                assertThat(catchThrowable(() -> GMalloc.grealloc(p, 8))).isInstanceOf(InvalidFreeException.class);
            }
            assertThat(GMalloc.stats().liveBlocks()).isEqualTo(before.liveBlocks());
            assertThat(GMalloc.usableSize(a)).isEqualTo(usable);
            GMalloc.gfree(a);
            // The freed block's interior is no live block either; the start is a double free.
            assertThat(freeReason(() -> GMalloc.gfree(a + 16)))
                    .isIn(Reason.NOT_OWNED, Reason.INTERIOR, Reason.DOUBLE_FREE);
            assertThat(freeReason(() -> GMalloc.gfree(a))).isEqualTo(Reason.DOUBLE_FREE);
        }
    }

    @Test
    void greallocEdgeCases() {
        // 0 address, any size kind.
        for (long size : new long[] {0, 1, 512, 513, MIB}) {
            long a = GMalloc.grealloc(0, size);
            assertThat(GMalloc.usableSize(a)).isEqualTo(expectedUsable(size));
            assertThat(allZero(a, GMalloc.usableSize(a))).isTrue();
            GMalloc.gfree(a);
        }
        // Shrink to 0 in the 8-byte bucket: same address, the given-up bytes zero when grown back.
        long a = GMalloc.gmalloc(8);
        fill(a, 8, (byte) 7);
        assertThat(GMalloc.grealloc(a, 0)).isEqualTo(a);
        assertThat(ALL.get(ValueLayout.JAVA_BYTE, a)).isEqualTo((byte) 7);
        assertThat(GMalloc.grealloc(a, 8)).isEqualTo(a);
        assertThat(allZero(a + 1, 7))
                .as("tail given up by the shrink reads zero after growth")
                .isTrue();
        // Small → large → small: contents travel, tails are zero.
        fill(a, 8, (byte) 9);
        long big = GMalloc.grealloc(a, 4000);
        assertThat(freeReason(() -> GMalloc.gfree(a)))
                .as("old block freed by the move")
                .isEqualTo(Reason.DOUBLE_FREE);
        assertThat(allEqual(big, 8, (byte) 9)).isTrue();
        assertThat(allZero(big + 8, GMalloc.usableSize(big) - 8)).isTrue();
        fill(big, 4000, (byte) 3);
        long shrunkInPlace = GMalloc.grealloc(big, 600);
        assertThat(shrunkInPlace)
                .as("a large block shrinking but staying large")
                .isEqualTo(big);
        long regrown = GMalloc.grealloc(shrunkInPlace, 4000);
        assertThat(regrown).isEqualTo(big);
        assertThat(allEqual(regrown, 600, (byte) 3)).isTrue();
        assertThat(allZero(regrown + 600, 3400))
                .as("growth in place zero-fills the tail")
                .isTrue();
        long small = GMalloc.grealloc(regrown, 100);
        assertThat(GMalloc.usableSize(small)).isEqualTo(104);
        assertThat(allEqual(small, 100, (byte) 3)).isTrue();
        assertThat(allZero(small + 100, 4)).isTrue();
        // Grow to a mapped block and back.
        long mapped = GMalloc.grealloc(small, 2 * MIB);
        assertThat(allEqual(mapped, 100, (byte) 3)).isTrue();
        assertThat(allZero(mapped + 100, 2 * MIB - 100)).isTrue();
        long back = GMalloc.grealloc(mapped, 24);
        assertThat(allEqual(back, 24, (byte) 3)).isTrue();
        assertThat(freeReason(() -> GMalloc.gfree(mapped))).isEqualTo(Reason.DOUBLE_FREE);
        // Negative size: rejected, block untouched.
        assertThat(catchThrowable(() -> GMalloc.grealloc(back, -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThat(GMalloc.usableSize(back)).isEqualTo(24);
        GMalloc.gfree(back);
    }

    @Test
    void greallocOfSpecialAndAlignedBlocks() {
        SpecialBucket bucket = new SpecialBucket("hostile.Realloc12", 12, 4);
        long s = bucket.alloc();
        fill(s, 12, (byte) 4);
        assertThat(GMalloc.grealloc(s, 5)).as("a special block shrinking stays").isEqualTo(s);
        assertThat(allZero(s + 5, 7)).isTrue();
        long moved = GMalloc.grealloc(s, 13);
        assertThat(allEqual(moved, 5, (byte) 4)).isTrue();
        assertThat(allZero(moved + 5, GMalloc.usableSize(moved) - 5)).isTrue();
        assertThat(freeReason(() -> bucket.free(s))).isEqualTo(Reason.DOUBLE_FREE);
        GMalloc.gfree(moved);

        for (long alignment : new long[] {16, 64, 256, 512, 1024, 4096}) {
            MemorySegment seg = GMalloc.allocator().allocate(40, alignment);
            long p = seg.address();
            fill(p, 40, (byte) 6);
            long q = GMalloc.grealloc(p, 1000);
            assertThat(allEqual(q, 40, (byte) 6))
                    .as("aligned %d moved", alignment)
                    .isTrue();
            assertThat(allZero(q + 40, GMalloc.usableSize(q) - 40)).isTrue();
            GMalloc.gfree(q);
        }
    }

    @Test
    void allocatorHonoursEveryAlignmentForEverySmallSizeAndFreesCleanly() {
        GMallocStats before = GMalloc.stats();
        List<Long> blocks = new ArrayList<>();
        for (long alignment = 1; alignment <= 8192; alignment <<= 1) {
            for (long size :
                    new long[] {0, 1, 7, 8, 9, 24, 40, 100, 255, 256, 257, 500, 511, 512, 513, 1000, 4096, 5000}) {
                for (int k = 0; k < 3; k++) {
                    MemorySegment seg = GMalloc.allocator().allocate(size, alignment);
                    long p = seg.address();
                    assertThat(p).isNotZero();
                    assertThat(p % alignment)
                            .as("allocate(%d, %d) aligned", size, alignment)
                            .isZero();
                    assertThat(seg.byteSize()).isEqualTo(size);
                    assertThat(GMalloc.usableSize(p))
                            .as("usable of allocate(%d, %d)", size, alignment)
                            .isGreaterThanOrEqualTo(size);
                    assertThat(allZero(p, GMalloc.usableSize(p))).isTrue();
                    fill(p, GMalloc.usableSize(p), (byte) 1);
                    blocks.add(p);
                }
            }
        }
        assertThat(new HashSet<>(blocks)).hasSameSizeAs(blocks);
        blocks.forEach(GMalloc::gfree);
        for (long p : blocks) {
            assertThat(freeReason(() -> GMalloc.gfree(p))).isEqualTo(Reason.DOUBLE_FREE);
        }
        GMallocStats after = GMalloc.stats();
        assertThat(after.liveBlocks()).isEqualTo(before.liveBlocks());
        assertThat(after.liveBytes()).isEqualTo(before.liveBytes());
    }

    @Test
    void allocatorRejectsOddAlignmentsAndImpossibleSizesNamingThemAndLeaksNothing() {
        GMallocStats before = GMalloc.stats();
        for (long alignment : new long[] {0, 3, 6, 24, -8, Long.MIN_VALUE, Long.MAX_VALUE, 1000}) {
            Throwable t = catchThrowable(() -> GMalloc.allocator().allocate(8, alignment));
            assertThat(t)
                    .as("alignment %d", alignment)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(Long.toString(alignment));
        }
        for (long alignment : new long[] {1, 8, 1024, 4096, 1L << 30, 1L << 40, 1L << 62}) {
            for (long size : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - alignment, 1L << 62, (1L << 62) + 1}) {
                Throwable t = catchThrowable(() -> GMalloc.allocator().allocate(size, alignment));
                assertThat(t)
                        .as("allocate(%d, %d)", size, alignment)
                        .isInstanceOfAny(OutOfMemoryError.class, IllegalArgumentException.class);
                assertThat(t.getMessage()).contains(Long.toString(size));
            }
        }
        // A huge alignment with a small size either works (and is aligned) or fails cleanly.
        for (long alignment : new long[] {1L << 30, 1L << 40, 1L << 62}) {
            Throwable t = catchThrowable(() -> {
                MemorySegment seg = GMalloc.allocator().allocate(8, alignment);
                assertThat(seg.address() % alignment).isZero();
                GMalloc.gfree(seg.address());
            });
            if (t != null) {
                assertThat(t)
                        .as("allocate(8, %d)", alignment)
                        .isInstanceOfAny(OutOfMemoryError.class, IllegalArgumentException.class);
                assertThat(t.getMessage()).contains(Long.toString(alignment));
            }
        }
        GMallocStats after = GMalloc.stats();
        assertThat(after.liveBlocks()).isEqualTo(before.liveBlocks());
        assertThat(after.largeAllocations()).isEqualTo(before.largeAllocations());
    }

    @Test
    void gcallocOverflowAndEdges() {
        for (long[] args : new long[][] {
            {Long.MAX_VALUE, 2}, {2, Long.MAX_VALUE}, {1L << 32, 1L << 32}, {-1, 8}, {8, -1}, {Long.MIN_VALUE, 0}
        }) {
            Throwable t = catchThrowable(() -> GMalloc.gcalloc(args[0], args[1]));
            assertThat(t)
                    .as("gcalloc(%d, %d)", args[0], args[1])
                    .isInstanceOf(IllegalArgumentException.class)
                    .isNotInstanceOf(InvalidFreeException.class);
            assertThat(t.getMessage()).containsAnyOf(Long.toString(args[0]), Long.toString(args[1]));
        }
        for (long[] args : new long[][] {{0, 0}, {0, Long.MAX_VALUE}, {Long.MAX_VALUE, 0}, {64, 8}, {3, 171}}) {
            long a = GMalloc.gcalloc(args[0], args[1]);
            assertThat(a).isNotZero();
            long usable = GMalloc.usableSize(a);
            assertThat(usable).isGreaterThanOrEqualTo(args[0] * args[1]);
            assertThat(allZero(a, usable)).isTrue();
            GMalloc.gfree(a);
        }
    }

    @Test
    void specialBucketsRejectEveryOtherBucketsBlocksAndTheirOwnDoubleFrees() {
        SpecialBucket a = new SpecialBucket("hostile.A", 24, 8);
        SpecialBucket b = new SpecialBucket("hostile.B", 24, 8); // same stride, another bucket
        SpecialBucket same = new SpecialBucket("hostile.A", 24, 8); // same name and shape: the same bucket
        SpecialBucket tiny = new SpecialBucket("hostile.Tiny", 1, 1);
        SpecialBucket max = new SpecialBucket("hostile.Max", 65_536, 8);
        long pa = a.alloc();
        long pb = b.alloc();
        long general = GMalloc.gmalloc(24);
        long large = GMalloc.gmalloc(5000);
        long mapped = GMalloc.gmalloc(2 * MIB);
        GMallocStats before = GMalloc.stats();
        for (long p : new long[] {pb, general, large, mapped}) {
            assertThat(freeReason(() -> a.free(p))).as("a.free(0x%x)", p).isEqualTo(Reason.WRONG_BUCKET);
        }
        assertThat(freeReason(() -> b.free(pa))).isEqualTo(Reason.WRONG_BUCKET);
        assertThat(freeReason(() -> tiny.free(pa))).isEqualTo(Reason.WRONG_BUCKET);
        assertThat(GMalloc.stats().liveBlocks()).isEqualTo(before.liveBlocks());
        assertThat(freeReason(() -> a.free(pa + 8))).isEqualTo(Reason.INTERIOR);
        assertThat(freeReason(() -> a.free(0x10))).isEqualTo(Reason.NOT_OWNED);
        same.free(pa); // one bucket
        assertThat(freeReason(() -> a.free(pa))).isEqualTo(Reason.DOUBLE_FREE);
        assertThat(freeReason(() -> same.free(pa))).isEqualTo(Reason.DOUBLE_FREE);
        assertThat(freeReason(() -> GMalloc.gfree(pa))).isEqualTo(Reason.DOUBLE_FREE);
        GMalloc.gfree(pb); // gfree takes every bucket's blocks
        assertThat(freeReason(() -> b.free(pb))).isEqualTo(Reason.DOUBLE_FREE);
        for (long p : new long[] {general, large, mapped}) {
            GMalloc.gfree(p);
        }
        // Extreme strides: 1-byte and 64 KiB blocks are exact, zeroed and validated.
        List<Long> ones = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            long p = tiny.alloc();
            assertThat(GMalloc.usableSize(p)).isEqualTo(1);
            assertThat(ALL.get(ValueLayout.JAVA_BYTE, p)).isZero();
            ALL.set(ValueLayout.JAVA_BYTE, p, (byte) 1);
            ones.add(p);
        }
        assertThat(new HashSet<>(ones)).hasSize(ones.size());
        ones.forEach(tiny::free);
        for (int i = 0; i < 3; i++) {
            long p = max.alloc();
            assertThat(GMalloc.usableSize(p)).isEqualTo(65_536);
            assertThat(p % 8).isZero();
            assertThat(allZero(p, 65_536)).isTrue();
            fill(p, 65_536, (byte) 2);
            assertThat(freeReason(() -> max.free(p + 1))).isEqualTo(Reason.INTERIOR);
            max.free(p);
            assertThat(freeReason(() -> max.free(p))).isEqualTo(Reason.DOUBLE_FREE);
        }
    }

    @Test
    void aDeadThreadsBlocksOfEveryKindAreFreedByOthersAndReused() throws Exception {
        SpecialBucket bucket = new SpecialBucket("hostile.Orphan20", 20, 4);
        GMallocStats before = GMalloc.stats();
        long[][] made = new long[1][];
        Thread owner = Thread.ofPlatform().start(() -> {
            List<Long> list = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                long size = (i % 64 + 1) * 8;
                list.add(GMalloc.gmalloc(size));
            }
            for (int i = 0; i < 2_000; i++) {
                list.add(bucket.alloc());
            }
            for (long size : new long[] {600, 70_000, 3 * MIB}) {
                list.add(GMalloc.gmalloc(size));
            }
            list.forEach(p -> fill(p, GMalloc.usableSize(p), (byte) 0x77));
            made[0] = list.stream().mapToLong(Long::longValue).toArray();
        });
        owner.join();
        long[] blocks = made[0];
        assertThat(GMalloc.stats().liveBlocks() - before.liveBlocks()).isEqualTo(blocks.length);
        // Two other threads share the frees: even indexes here, odd ones on a helper.
        Thread helper = Thread.ofPlatform().start(() -> {
            for (int i = 1; i < blocks.length; i += 2) {
                GMalloc.gfree(blocks[i]);
            }
        });
        for (int i = 0; i < blocks.length; i += 2) {
            GMalloc.gfree(blocks[i]);
        }
        helper.join();
        GMallocStats after = GMalloc.stats();
        assertThat(after.liveBlocks())
                .as("every block of the dead thread freed")
                .isEqualTo(before.liveBlocks());
        assertThat(after.liveBytes()).isEqualTo(before.liveBytes());
        for (long p : blocks) {
            assertThat(freeReason(() -> GMalloc.gfree(p))).isEqualTo(Reason.DOUBLE_FREE);
        }
        // Reusable: new blocks are zero, and a block is never handed out twice.
        Set<Long> fresh = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            long size = (i % 64 + 1) * 8;
            long p = GMalloc.gmalloc(size);
            assertThat(fresh.add(p)).isTrue();
            assertThat(allZero(p, size)).as("reused orphan memory is zero").isTrue();
        }
        fresh.forEach(GMalloc::gfree);
    }

    @Test
    void statsAreExactWhileTheOwnerOfRemotelyFreedBlocksIsParked() throws Exception {
        GMallocStats before = GMalloc.stats();
        ConcurrentLinkedQueue<Long> handed = new ConcurrentLinkedQueue<>();
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread owner = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 5_000; i++) {
                handed.add(GMalloc.gmalloc(8 + (i % 4) * 8));
            }
            allocated.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        allocated.await();
        GMallocStats during = GMalloc.stats();
        assertThat(during.liveBlocks() - before.liveBlocks()).isEqualTo(5_000);
        long freedBytes = 0;
        int freed = 0;
        for (long p : handed) {
            if (freed++ % 2 == 0) {
                freedBytes += GMalloc.usableSize(p);
                GMalloc.gfree(p);
            }
        }
        GMallocStats remote = GMalloc.stats();
        assertThat(remote.liveBlocks() - before.liveBlocks())
                .as("remote frees count at once")
                .isEqualTo(2_500);
        assertThat(during.liveBytes() - remote.liveBytes()).isEqualTo(freedBytes);
        release.countDown();
        owner.join();
        handed.forEach(p -> {
            try {
                GMalloc.gfree(p);
            } catch (InvalidFreeException e) {
                assertThat(e.reason()).isEqualTo(Reason.DOUBLE_FREE);
            }
        });
        assertThat(GMalloc.stats().liveBlocks()).isEqualTo(before.liveBlocks());
    }

    @Test
    void aHundredThousandVirtualThreadsShareFewHeapsAndLoseNothing() throws Exception {
        GMallocStats before = GMalloc.stats();
        SpecialBucket bucket = new SpecialBucket("hostile.Virtual12", 12, 4);
        ConcurrentLinkedQueue<Long> passed = new ConcurrentLinkedQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int threads = 100_000;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                int id = t;
                executor.submit(() -> {
                    try {
                        long mine = GMalloc.gmalloc(id % 512 + 1);
                        long special = bucket.alloc();
                        ALL.set(ValueLayout.JAVA_INT_UNALIGNED, special, id);
                        ALL.set(ValueLayout.JAVA_INT_UNALIGNED, mine, id);
                        Thread.yield(); // may resume on another carrier: frees then go through another stripe
                        if (ALL.get(ValueLayout.JAVA_INT_UNALIGNED, mine) != id
                                || ALL.get(ValueLayout.JAVA_INT_UNALIGNED, special) != id) {
                            throw new AssertionError("block of virtual thread " + id + " overwritten");
                        }
                        GMalloc.gfree(mine);
                        passed.add(special); // freed by a later virtual thread
                        Long other = passed.poll();
                        if (other != null) {
                            GMalloc.gfree(other);
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
        }
        assertThat(failure.get()).isNull();
        passed.forEach(bucket::free);
        GMallocStats after = GMalloc.stats();
        assertThat(after.heaps())
                .as("virtual threads share a few heaps")
                .isLessThan(before.heaps() + 4 * Runtime.getRuntime().availableProcessors() + 64);
        assertThat(after.liveBlocks()).isEqualTo(before.liveBlocks());
        assertThat(after.liveBytes()).isEqualTo(before.liveBytes());
    }

    @Test
    void trimGivesBytesBackAndTrimmedMemoryIsReusedZeroed() {
        long[] blocks = new long[400_000];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = GMalloc.gmalloc(64);
            ALL.set(ValueLayout.JAVA_LONG, blocks[i], -1L);
        }
        long reserved = GMalloc.stats().reservedBytes();
        for (long p : blocks) {
            GMalloc.gfree(p);
        }
        long released = GMalloc.trim();
        assertThat(released).as("24 MiB of empty slabs given back").isGreaterThan(16 * MIB);
        assertThat(GMalloc.stats().reservedBytes()).isLessThanOrEqualTo(reserved - released);
        for (long p : new long[] {blocks[0], blocks[blocks.length / 2], blocks[blocks.length - 1]}) {
            assertThat(freeReason(() -> GMalloc.gfree(p)))
                    .as("free of a trimmed slab's block")
                    .isIn(Reason.NOT_OWNED, Reason.DOUBLE_FREE);
            assertThat(catchThrowable(() -> GMalloc.usableSize(p))).isInstanceOf(IllegalArgumentException.class);
        }
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = GMalloc.gmalloc(64);
            if (ALL.get(ValueLayout.JAVA_LONG, blocks[i]) != 0) {
                throw new AssertionError("block " + i + " after trim is not zero");
            }
        }
        for (long p : blocks) {
            GMalloc.gfree(p);
        }
        assertThat(GMalloc.trim()).isPositive();
    }

    @Test
    void sequentialDoubleFreesFromAnotherThreadForEveryKind() throws Exception {
        SpecialBucket bucket = new SpecialBucket("hostile.Remote28", 28, 4);
        for (long size : new long[] {1, 8, 100, 512, 513, 70_000, MIB, 8 * MIB + 1}) {
            long p = GMalloc.gmalloc(size);
            Thread t = Thread.ofPlatform().start(() -> GMalloc.gfree(p));
            t.join();
            AtomicReference<Reason> second = new AtomicReference<>();
            Thread u = Thread.ofPlatform().start(() -> second.set(freeReason(() -> GMalloc.gfree(p))));
            u.join();
            assertThat(second.get())
                    .as("second free of %d bytes on a third thread", size)
                    .isEqualTo(Reason.DOUBLE_FREE);
            assertThat(freeReason(() -> GMalloc.gfree(p)))
                    .as("and on the owner")
                    .isEqualTo(Reason.DOUBLE_FREE);
        }
        long s = bucket.alloc();
        Thread t = Thread.ofPlatform().start(() -> bucket.free(s));
        t.join();
        assertThat(freeReason(() -> bucket.free(s))).isEqualTo(Reason.DOUBLE_FREE);
        // The owner's next allocations never hand out a block still live elsewhere.
        Set<Long> live = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(live.add(bucket.alloc())).isTrue();
        }
        live.forEach(bucket::free);
    }

    @Test
    void specialBucketsOfOneNameButAnotherShapeAreDifferentBuckets() {
        SpecialBucket narrow = new SpecialBucket("hostile.Shape", 16, 8);
        SpecialBucket wide = new SpecialBucket("hostile.Shape", 24, 8);
        SpecialBucket loose = new SpecialBucket("hostile.Shape", 16, 4);
        long n = narrow.alloc();
        long w = wide.alloc();
        long l = loose.alloc();
        assertThat(GMalloc.usableSize(n)).isEqualTo(16);
        assertThat(GMalloc.usableSize(w)).isEqualTo(24);
        assertThat(freeReason(() -> narrow.free(w))).isEqualTo(Reason.WRONG_BUCKET);
        assertThat(freeReason(() -> wide.free(n))).isEqualTo(Reason.WRONG_BUCKET);
        assertThat(freeReason(() -> loose.free(n))).isEqualTo(Reason.WRONG_BUCKET);
        assertThat(freeReason(() -> narrow.free(l))).isEqualTo(Reason.WRONG_BUCKET);
        narrow.free(n);
        wide.free(w);
        loose.free(l);
    }

    /**
     * Threads whose ids share a slot of any per-thread table (ids 4096 apart, then 65536 apart) allocate, free
     * each other's blocks, die and are replaced: no block is lost, handed out twice or refused.
     */
    @Test
    void threadsWhoseIdsCollideKeepTheirOwnHeaps() throws Exception {
        GMallocStats before = GMalloc.stats();
        CountDownLatch stop = new CountDownLatch(1);
        ConcurrentLinkedQueue<Long> fromFirst = new ConcurrentLinkedQueue<>();
        CountDownLatch firstReady = new CountDownLatch(1);
        Thread first = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 1000; i++) {
                fromFirst.add(GMalloc.gmalloc(16));
            }
            firstReady.countDown();
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < 1000; i++) {
                GMalloc.gfree(GMalloc.gmalloc(16));
            }
        });
        firstReady.await();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Set<Long> twinBlocks = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Runnable body = () -> {
            try {
                for (int i = 0; i < 1000; i++) {
                    long p = GMalloc.gmalloc(16);
                    if (!twinBlocks.add(p) || fromFirst.contains(p)) {
                        throw new AssertionError("0x" + Long.toHexString(p) + " handed out twice");
                    }
                }
                for (long p : fromFirst) {
                    GMalloc.gfree(p); // remote frees into the first thread's heap
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        };
        Thread collider;
        do {
            collider = Thread.ofPlatform().unstarted(body); // ids are given at creation
        } while ((collider.threadId() - first.threadId()) % 4096 != 0);
        collider.start();
        collider.join();
        assertThat(failure.get()).isNull();
        stop.countDown();
        first.join();
        for (long p : twinBlocks) {
            GMalloc.gfree(p);
        }
        for (long p : fromFirst) {
            assertThat(freeReason(() -> GMalloc.gfree(p))).isEqualTo(Reason.DOUBLE_FREE);
        }
        GMallocStats after = GMalloc.stats();
        assertThat(after.liveBlocks()).isEqualTo(before.liveBlocks());
    }

    /** Special buckets created on several threads while every thread allocates from the new and the old ones. */
    @Test
    void specialBucketsCreatedConcurrentlyWithAllocationStayApart() throws Exception {
        GMallocStats before = GMalloc.stats();
        int threads = 4;
        int perThread = 60;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ConcurrentLinkedQueue<long[]> blocks = new ConcurrentLinkedQueue<>(); // address, stride
        List<Thread> started = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int id = t;
            started.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    List<SpecialBucket> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        long stride = 1 + (id * perThread + i) % 97;
                        SpecialBucket b = new SpecialBucket("hostile.Concurrent" + id + "." + i, stride, 1);
                        mine.add(b);
                        for (SpecialBucket any : mine) {
                            long p = any.alloc();
                            if (GMalloc.usableSize(p) != any.stride()) {
                                throw new AssertionError(any + " handed out a block of " + GMalloc.usableSize(p));
                            }
                            blocks.add(new long[] {p, any.stride()});
                        }
                        blocks.add(new long[] {GMalloc.gmalloc(i + 1), (i + 8) & -8L});
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        go.countDown();
        for (Thread t : started) {
            t.join();
        }
        assertThat(failure.get()).isNull();
        Set<Long> distinct = new HashSet<>();
        for (long[] b : blocks) {
            assertThat(distinct.add(b[0])).as("0x%x handed out twice", b[0]).isTrue();
        }
        for (long[] b : blocks) {
            GMalloc.gfree(b[0]);
        }
        assertThat(GMalloc.stats().liveBlocks()).isEqualTo(before.liveBlocks());
    }

    /** Slabs emptied in one bucket and pooled are reused by other buckets and special buckets: always zeroed. */
    @Test
    void pooledSlabsReusedByAnotherBucketHandOutZeroedBlocks() throws Exception {
        SpecialBucket odd = new SpecialBucket("hostile.Pooled7", 7, 1);
        Thread dirtier = Thread.ofPlatform().start(() -> {
            long[] blocks = new long[200_000];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = GMalloc.gmalloc(64);
                fill(blocks[i], 64, (byte) -1);
            }
            for (long p : blocks) {
                GMalloc.gfree(p);
            }
        });
        dirtier.join(); // its emptied slabs are pooled, not given back (below the default retain)
        for (int round = 0; round < 2; round++) {
            List<Long> blocks = new ArrayList<>();
            for (int i = 0; i < 150_000; i++) {
                long size = i % 3 == 0 ? 8 : i % 3 == 1 ? 200 : 7;
                long p = size == 7 ? odd.alloc() : GMalloc.gmalloc(size);
                if (!allZero(p, size)) {
                    throw new AssertionError("block " + i + " of " + size + " bytes from pooled memory is not zero");
                }
                fill(p, size, (byte) 0x33);
                blocks.add(p);
            }
            for (long p : blocks) {
                GMalloc.gfree(p);
            }
        }
    }

    /** {@code grealloc} of another thread's blocks (platform and virtual owners): moves free remotely, nothing lost. */
    @Test
    void greallocOfAnotherThreadsBlocks() throws Exception {
        GMallocStats before = GMalloc.stats();
        for (boolean virtual : new boolean[] {false, true}) {
            long[] made = new long[600];
            Runnable owner = () -> {
                for (int i = 0; i < made.length; i++) {
                    made[i] = GMalloc.gmalloc(i + 1);
                    fill(made[i], i + 1, (byte) (i | 1));
                }
            };
            Thread t = virtual
                    ? Thread.ofVirtual().start(owner)
                    : Thread.ofPlatform().start(owner);
            t.join();
            for (int i = 0; i < made.length; i++) {
                long size = i + 1;
                long next = GMalloc.grealloc(made[i], i % 2 == 0 ? size / 2 + 1 : size * 3);
                long kept = Math.min(size, i % 2 == 0 ? size / 2 + 1 : size * 3);
                assertThat(allEqual(next, kept, (byte) (i | 1)))
                        .as("grealloc of block %d kept its bytes", i)
                        .isTrue();
                if (next != made[i]) {
                    long old = made[i];
                    assertThat(freeReason(() -> GMalloc.gfree(old))).isEqualTo(Reason.DOUBLE_FREE);
                }
                made[i] = next;
            }
            for (long p : made) {
                GMalloc.gfree(p);
            }
        }
        assertThat(GMalloc.stats().liveBlocks()).isEqualTo(before.liveBlocks());
    }
}
