package io.gmalloc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gmalloc.GMalloc;
import io.gmalloc.GMallocStats;
import io.gmalloc.InvalidAccessException;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import io.gmalloc.SpecialBucket;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * One test per kind of bad input (docs/design.md §2): each must end in an {@link InvalidFreeException} with the right
 * reason and address (or an {@link IllegalArgumentException} naming the value), and leave the heap as it was: live
 * witness blocks next to the target keep their contents, {@code stats()} live figures do not move, the invalid-free
 * counter moves by exactly one, and the heap still hands out fresh zeroed blocks afterwards.
 */
class BadInputCatalogueTest {
    private static final MemorySegment ALL = GMalloc.addressSpace();
    private static final SpecialBucket VEC3 = new SpecialBucket("catalogue.Vec3", 12, 4);
    private static final SpecialBucket ODD = new SpecialBucket("catalogue.Odd", 7, 1);

    private static final Set<Reason> NOT_A_BLOCK = EnumSet.of(Reason.NOT_OWNED, Reason.INTERIOR, Reason.DOUBLE_FREE);

    /** Live blocks the bad input must not disturb: address, size, seed. */
    private final List<long[]> witnesses = new ArrayList<>();

    @BeforeEach
    void allocateWitnesses() {
        long seed = 1;
        for (long size : new long[] {8, 24, 48, 100, 512, 513, 4096, 70_000}) {
            witness(GMalloc.gmalloc(size), size, seed++);
        }
        witness(VEC3.alloc(), 12, seed++);
        witness(ODD.alloc(), 7, seed);
    }

    @AfterEach
    void freeWitnesses() {
        for (long[] w : witnesses) {
            assertThat(Patterns.firstCorrupt(w[0], w[2], w[1]))
                    .as("witness at 0x%x intact", w[0])
                    .isEqualTo(-1);
            GMalloc.gfree(w[0]);
        }
    }

    private long witness(long address, long size, long seed) {
        Patterns.write(address, seed, size);
        witnesses.add(new long[] {address, size, seed});
        return address;
    }

    /** The call must throw InvalidFreeException for {@code address} with one of {@code reasons}, changing nothing. */
    private InvalidFreeException assertRejected(long address, Set<Reason> reasons, Executable call) {
        GMallocStats before = GMalloc.stats();
        InvalidFreeException e = catchThrowableOfType(InvalidFreeException.class, call::execute);
        assertThat(e).as("InvalidFreeException for 0x%x", address).isNotNull();
        assertThat(e.address()).isEqualTo(address);
        assertThat(e.reason()).as(e.getMessage()).isIn(reasons);
        assertThat(e.getMessage()).contains(Long.toHexString(address));
        assertUnchanged(before, 1);
        return e;
    }

    private void assertUnchanged(GMallocStats before, long invalidFrees) {
        GMallocStats after = GMalloc.stats();
        assertThat(after.liveBlocks()).as("live blocks").isEqualTo(before.liveBlocks());
        assertThat(after.liveBytes()).as("live bytes").isEqualTo(before.liveBytes());
        assertThat(after.largeAllocations()).as("large blocks").isEqualTo(before.largeAllocations());
        assertThat(after.invalidFrees() - before.invalidFrees())
                .as("invalid frees counted")
                .isEqualTo(invalidFrees);
        for (long[] w : witnesses) {
            assertThat(Patterns.firstCorrupt(w[0], w[2], w[1]))
                    .as("witness at 0x%x intact", w[0])
                    .isEqualTo(-1);
        }
        heapStillHandsOutFreshBlocks();
    }

    /** A few new blocks of the witnesses' sizes: zeroed, and none of them is a live witness. */
    private void heapStillHandsOutFreshBlocks() {
        Set<Long> live = new HashSet<>();
        witnesses.forEach(w -> live.add(w[0]));
        List<Long> fresh = new ArrayList<>();
        for (long[] w : witnesses) {
            long address = w[1] == 12 ? VEC3.alloc() : w[1] == 7 ? ODD.alloc() : GMalloc.gmalloc(w[1]);
            assertThat(live).doesNotContain(address);
            assertThat(Patterns.firstNonZero(address, 0, w[1])).isEqualTo(-1);
            fresh.add(address);
        }
        fresh.forEach(GMalloc::gfree);
    }

    /**
     * For addresses whose status the test cannot know (memory next to our slabs may hold other tests' blocks):
     * if {@code usableSize} rejects the address, {@code gfree} must reject it for the same reason and change
     * nothing. Returns whether it was rejected.
     */
    private boolean rejectedConsistently(long address) {
        GMallocStats before = GMalloc.stats();
        IllegalArgumentException probe =
                catchThrowableOfType(IllegalArgumentException.class, () -> GMalloc.usableSize(address));
        if (probe == null) {
            return false; // a live block of someone else: not ours to free
        }
        assertThat(probe).as("a query is not an invalid free").isNotInstanceOf(InvalidFreeException.class);
        assertThat(probe.getMessage())
                .startsWith("GMalloc.usableSize: ")
                .contains(Long.toHexString(address))
                .doesNotContain("nothing was changed");
        assertUnchanged(before, 0);
        assertRejected(address, EnumSet.of(reasonOf(probe)), () -> GMalloc.gfree(address));
        return true;
    }

    /** The reason a {@code usableSize} rejection names, in the words of its message. */
    private static Reason reasonOf(IllegalArgumentException notLive) {
        String message = notLive.getMessage();
        if (message.contains("points inside")) {
            return Reason.INTERIOR;
        }
        return message.contains("it was freed") ? Reason.DOUBLE_FREE : Reason.NOT_OWNED;
    }

    /** {@code usableSize}-style rejection: an {@link IllegalArgumentException}, not counted, naming the address. */
    private void assertNotLive(long address, Executable call) {
        GMallocStats before = GMalloc.stats();
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class, call::execute);
        assertThat(e)
                .as("IllegalArgumentException for 0x%x", address)
                .isNotNull()
                .isNotInstanceOf(InvalidFreeException.class);
        assertThat(e.getMessage()).contains(Long.toHexString(address)).doesNotContain("nothing was changed");
        assertUnchanged(before, 0);
    }

    @Test
    void freeOfZeroIsANoOp() {
        GMallocStats before = GMalloc.stats();
        GMalloc.gfree(0);
        VEC3.free(0);
        assertUnchanged(before, 0);
    }

    @Test
    void randomLongsAreNotOwned() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 300; i++) {
            long address = switch (i % 3) {
                case 0 -> random.nextLong();
                case 1 -> random.nextLong(1, 1 << 16); // below vm.mmap_min_addr: nobody's memory
                default -> random.nextLong(1L << 48, Long.MAX_VALUE); // above user space
            };
            boolean neverOurs = address < (1 << 16) || address >>> 48 != 0; // incl. negative
            if (address == 0) {
                continue;
            }
            if (neverOurs) {
                assertRejected(address, EnumSet.of(Reason.NOT_OWNED), () -> GMalloc.gfree(address));
            } else {
                rejectedConsistently(address);
            }
        }
    }

    @Test
    void addressesNextToOurSlabsAreRejectedWithoutReadingThem() {
        int rejected = 0;
        int probes = 0;
        for (long[] w : witnesses) {
            for (long distance : new long[] {64 << 10, 4 << 20, 1 << 12, 2 << 20, 64 << 20}) {
                for (long sign : new long[] {-1, 1}) {
                    for (long skew : new long[] {0, 8, 4, 1}) {
                        long address = w[0] + sign * distance + skew;
                        probes++;
                        rejected += rejectedConsistently(address) ? 1 : 0;
                    }
                }
            }
        }
        assertThat(rejected)
                .as("most probes near our slabs are not live block starts")
                .isGreaterThan(probes / 2);
    }

    @Test
    void interiorPointersOfEveryGeneralBucketAreRejected() {
        for (long size = 8; size <= 512; size += 8) {
            long address = witness(GMalloc.gmalloc(size), size, size);
            for (long offset = 1; offset < size; offset += Math.max(1, size / 16)) {
                long interior = address + offset;
                assertRejected(interior, EnumSet.of(Reason.INTERIOR), () -> GMalloc.gfree(interior));
            }
        }
    }

    @Test
    void interiorPointersOfLargeAndSpecialBlocksAreRejected() {
        for (long[] w : List.copyOf(witnesses)) {
            if (w[1] > 512 || w[1] == 12 || w[1] == 7) {
                for (long offset : new long[] {1, 2, 4, 8, 16, w[1] / 2, w[1] - 1}) {
                    if (offset >= w[1]) {
                        continue;
                    }
                    long interior = w[0] + offset;
                    assertRejected(interior, EnumSet.of(Reason.INTERIOR), () -> GMalloc.gfree(interior));
                }
            }
        }
    }

    @Test
    void misalignedAddressesAreRejected() {
        for (long[] w : List.copyOf(witnesses)) {
            if (w[1] % 8 == 0) {
                for (long offset = 1; offset < 8; offset++) {
                    long misaligned = w[0] + offset;
                    assertRejected(misaligned, EnumSet.of(Reason.INTERIOR), () -> GMalloc.gfree(misaligned));
                }
            }
        }
    }

    @Test
    void segmentsOwnedByJavaArenasAreNotOwned() {
        try (Arena confined = Arena.ofConfined();
                Arena shared = Arena.ofShared()) {
            List<MemorySegment> segments = List.of(
                    confined.allocate(8),
                    confined.allocate(64, 64),
                    shared.allocate(1 << 20),
                    Arena.ofAuto().allocate(24),
                    Arena.global().allocate(16));
            for (MemorySegment segment : segments) {
                segment.fill((byte) 0x5A);
                long address = segment.address();
                // NOT_OWNED even when the C library hands the arena an address a gmalloc large block had before.
                Set<Reason> reasons = EnumSet.of(Reason.NOT_OWNED);
                assertRejected(address, reasons, () -> GMalloc.gfree(address));
                assertRejected(address, reasons, () -> VEC3.free(address));
                long inside = address + 8;
                assertRejected(inside, reasons, () -> GMalloc.gfree(inside));
                assertThat(segment.mismatch(
                                confined.allocate(segment.byteSize()).fill((byte) 0x5A)))
                        .as("the arena's memory is untouched")
                        .isEqualTo(-1);
            }
        }
    }

    @Test
    void memoryTheCLibraryReusedAfterALargeFreeIsNotOwned() {
        // Free many large blocks, then let an Arena (malloc underneath) take memory of the same sizes: whatever
        // addresses it gets, gmalloc must call them NOT_OWNED, never a double free of its own block.
        List<Long> freedLarge = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            long b = GMalloc.gmalloc(600 + (i % 50) * 16);
            freedLarge.add(b);
        }
        freedLarge.forEach(GMalloc::gfree);
        Set<Long> ours = new HashSet<>(freedLarge);
        int reused = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < 5000; i++) {
                long address = arena.allocate(600 + (i % 50) * 16, 16).address();
                reused += ours.contains(address) ? 1 : 0;
                assertRejected(address, EnumSet.of(Reason.NOT_OWNED), () -> GMalloc.gfree(address));
            }
        }
        Sizing.report("BadInputCatalogueTest.reuse", "arena segments at addresses of freed gmalloc blocks: " + reused);
    }

    @Test
    void doubleFreeInTheSameThreadIsReportedAndNeverHandsTheBlockOutTwice() {
        for (long size : new long[] {8, 40, 512, 600, 100_000}) {
            long address = GMalloc.gmalloc(size);
            GMalloc.gfree(address);
            assertRejected(address, EnumSet.of(Reason.DOUBLE_FREE), () -> GMalloc.gfree(address));
            assertNeverHandedOutTwice(size);
        }
        long special = VEC3.alloc();
        VEC3.free(special);
        assertRejected(special, EnumSet.of(Reason.DOUBLE_FREE), () -> VEC3.free(special));
        assertRejected(special, EnumSet.of(Reason.DOUBLE_FREE), () -> GMalloc.gfree(special));
    }

    private static void assertNeverHandedOutTwice(long size) {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            assertThat(seen.add(GMalloc.gmalloc(size))).as("handed out twice").isTrue();
        }
        seen.forEach(GMalloc::gfree);
    }

    @Test
    void doubleFreeAcrossThreadsIsReportedInTheFreeingThread() throws Exception {
        for (long size : new long[] {16, 256, 4096}) {
            // owner frees, another thread frees again
            long a = GMalloc.gmalloc(size);
            GMalloc.gfree(a);
            assertRejected(a, EnumSet.of(Reason.DOUBLE_FREE), () -> onOtherThread(() -> GMalloc.gfree(a)));
            // another thread frees, a third frees again, the owner frees again
            long b = GMalloc.gmalloc(size);
            onOtherThread(() -> GMalloc.gfree(b));
            assertRejected(b, EnumSet.of(Reason.DOUBLE_FREE), () -> onOtherThread(() -> GMalloc.gfree(b)));
            assertRejected(b, EnumSet.of(Reason.DOUBLE_FREE), () -> GMalloc.gfree(b));
            assertNeverHandedOutTwice(size);
        }
        long special = VEC3.alloc();
        onOtherThread(() -> VEC3.free(special));
        assertRejected(special, EnumSet.of(Reason.DOUBLE_FREE), () -> onOtherThread(() -> VEC3.free(special)));
    }

    /** Runs on a fresh platform thread, rethrowing what it threw. */
    private static void onOtherThread(Runnable action) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread.ofPlatform()
                .start(() -> {
                    try {
                        action.run();
                    } catch (Throwable t) {
                        thrown.set(t);
                    }
                })
                .join();
        if (thrown.get() instanceof RuntimeException r) {
            throw r;
        }
        if (thrown.get() != null) {
            throw new AssertionError(thrown.get());
        }
    }

    @Test
    void freeAfterTrimIsAnInvalidFreeNotACrash() throws Exception {
        // A thread fills whole slabs of one bucket, frees them, and trims: its empty slabs go back to the OS.
        long[] blocks = new long[50_000];
        AtomicReference<Long> released = new AtomicReference<>();
        onOtherThread(() -> {
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = GMalloc.gmalloc(136);
            }
            for (long b : blocks) {
                GMalloc.gfree(b);
            }
            released.set(GMalloc.trim());
        });
        assertThat(released.get()).as("trim gave the empty slabs back").isPositive();
        long large = GMalloc.gmalloc(10_000);
        GMalloc.gfree(large);
        GMalloc.trim();
        for (long address : new long[] {blocks[0], blocks[blocks.length / 2], blocks[blocks.length - 1], large}) {
            // Unmapped (NOT_OWNED), or the range was mapped again for other blocks since (DOUBLE_FREE, INTERIOR).
            assertRejected(address, NOT_A_BLOCK, () -> GMalloc.gfree(address));
            assertNotLive(address, () -> GMalloc.usableSize(address));
            assertThat(catchThrowable(() -> GMalloc.checkAccess(address, 8)))
                    .isInstanceOf(InvalidAccessException.class);
        }
    }

    @Test
    void freeThroughTheWrongSpecialBucketIsRejected() {
        for (long[] w : List.copyOf(witnesses)) {
            SpecialBucket wrong = w[1] == 12 ? ODD : VEC3;
            assertRejected(w[0], EnumSet.of(Reason.WRONG_BUCKET), () -> wrong.free(w[0]));
        }
    }

    @Test
    void negativeAndOverflowingSizesAreIllegalArguments() {
        long block = witnesses.getFirst()[0];
        GMallocStats before = GMalloc.stats();
        assertIllegal(() -> GMalloc.gmalloc(-1), "-1");
        assertIllegal(() -> GMalloc.gmalloc(Long.MIN_VALUE), Long.toString(Long.MIN_VALUE));
        assertIllegal(() -> GMalloc.gcalloc(-3, 8), "-3");
        assertIllegal(() -> GMalloc.gcalloc(8, -5), "-5");
        assertIllegal(() -> GMalloc.gcalloc(Long.MAX_VALUE, 2), Long.toString(Long.MAX_VALUE));
        assertIllegal(() -> GMalloc.gcalloc(1L << 32, 1L << 32), Long.toString(1L << 32));
        assertIllegal(() -> GMalloc.grealloc(block, -7), "-7");
        assertIllegal(() -> GMalloc.allocator().allocate(-9, 8), "-9");
        assertIllegal(() -> GMalloc.allocator().allocate(8, 3), "3");
        assertIllegal(() -> new SpecialBucket("catalogue.bad", 0, 1), "0");
        assertIllegal(() -> new SpecialBucket("catalogue.bad", 12, 8), "8");
        assertIllegal(() -> new SpecialBucket("catalogue.bad", (64 << 10) + 1, 1), Long.toString((64 << 10) + 1));
        assertUnchanged(before, 0);
    }

    private static void assertIllegal(Executable call, String value) {
        Throwable t = catchThrowable(call::execute);
        assertThat(t).isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(InvalidFreeException.class);
        assertThat(t.getMessage()).contains(value);
    }

    @Test
    void greallocOfAFreedOrForeignAddressIsRejectedAndAllocatesNothing() {
        long small = GMalloc.gmalloc(32);
        long large = GMalloc.gmalloc(5000);
        long special = VEC3.alloc();
        for (long address : new long[] {small, large, special}) {
            GMalloc.gfree(address);
            assertRejected(address, EnumSet.of(Reason.DOUBLE_FREE), () -> GMalloc.grealloc(address, 64));
            assertRejected(address, EnumSet.of(Reason.DOUBLE_FREE), () -> GMalloc.grealloc(address, 6000));
        }
        long interior = witnesses.getFirst()[0] + 4;
        assertRejected(interior, EnumSet.of(Reason.INTERIOR), () -> GMalloc.grealloc(interior, 64));
        assertRejected(4096, EnumSet.of(Reason.NOT_OWNED), () -> GMalloc.grealloc(4096, 64));
    }

    /** What a generated accessor does: validate in checked mode, then read through the global segment. */
    private static long accessorRead(long address) {
        if (GMalloc.checkedMode()) {
            GMalloc.checkAccess(address, Long.BYTES);
        }
        return ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, address);
    }

    @Test
    void checkAccessRejectsUseAfterFreeWildPointersAndOverruns() {
        for (long size : new long[] {16, 48, 512, 4096}) {
            long address = GMalloc.gmalloc(size);
            GMalloc.checkAccess(address, size);
            GMalloc.checkAccess(address + size - 8, 8);
            assertThat(accessorRead(address)).isZero();
            assertInvalidAccess(address + size - 4, 8);
            assertInvalidAccess(address, size + 1);
            GMalloc.gfree(address);
            assertInvalidAccess(address, 8);
            if (GMalloc.checkedMode() && size <= 512) {
                assertThat(catchThrowable(() -> accessorRead(address)))
                        .as("checked accessor after free")
                        .isInstanceOf(InvalidAccessException.class);
                assertThat(Patterns.firstNonZero(address, 0, size))
                        .as("freed memory is poisoned")
                        .isZero();
            }
        }
        long special = VEC3.alloc();
        GMalloc.checkAccess(special + 4, 8);
        assertInvalidAccess(special + 4, 12);
        VEC3.free(special);
        assertInvalidAccess(special, 4);
        assertInvalidAccess(4096, 8);
        assertInvalidAccess(-8, 8);
    }

    @Test
    void checkAccessRejectsLengthsThatWrapAroundTheAddressSpace() {
        for (long[] w : witnesses) {
            assertInvalidAccess(w[0], Long.MAX_VALUE);
            assertInvalidAccess(w[0], -1);
            assertInvalidAccess(w[0] + 1, Long.MAX_VALUE - 1);
        }
    }

    private static void assertInvalidAccess(long address, long bytes) {
        Throwable t = catchThrowable(() -> GMalloc.checkAccess(address, bytes));
        assertThat(t).as("checkAccess(0x%x, %d)", address, bytes).isInstanceOf(InvalidAccessException.class);
        InvalidAccessException e = (InvalidAccessException) t;
        assertThat(e.address()).isEqualTo(address);
        assertThat(e.bytes()).isEqualTo(bytes);
    }
}
