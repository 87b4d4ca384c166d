package io.gmalloc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gmalloc.GMalloc;
import io.gmalloc.InvalidAccessException;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import io.gmalloc.SpecialBucket;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * What every allocator kind promises (docs/design.md, runtime API and generated code): general buckets, special
 * buckets and generated buckets all pass it. A subclass names its kinds; each clause below runs once per kind.
 * The runtime runs it in both modes (default and checked); the examples module runs it over generated buckets.
 */
public abstract class AllocatorContract {

    /** The whole address space, for filling and checking blocks. */
    private static final MemorySegment ALL = GMalloc.addressSpace();

    /** Blocks of another bucket for {@link #freeOfAnotherBucketsBlock}: general, special and large. */
    private static final SpecialBucket FOREIGN = new SpecialBucket("contract.Foreign", 20, 4);

    /**
     * Returns the kinds this suite checks.
     *
     * @return the kinds, each run through every clause
     */
    protected abstract List<Kind> kinds();

    private Stream<DynamicTest> each(Clause clause) {
        return kinds().stream().map(kind -> DynamicTest.dynamicTest(kind.name(), () -> clause.check(kind)));
    }

    /** One clause of the contract, checked for one kind. */
    @FunctionalInterface
    private interface Clause {
        void check(Kind kind) throws Exception;
    }

    /**
     * Fresh blocks: never 0, aligned, exactly the kind's size, zeroed, disjoint, keep their contents; the kind's
     * free and {@code GMalloc.gfree} both free them, and live blocks return to where they were.
     *
     * @return one test per kind
     */
    @TestFactory
    public Stream<DynamicTest> blocksAreAlignedExactlySizedZeroedAndDisjoint() {
        return each(kind -> {
            long liveBefore = GMalloc.stats().liveBlocks();
            long size = kind.blockSize();
            int count = (int) Math.max(16, Math.min(200, (4L << 20) / size));
            List<Long> blocks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long address = kind.alloc().getAsLong();
                assertThat(address).isNotZero();
                assertThat(address % kind.alignment())
                        .as("alignment of 0x%x", address)
                        .isZero();
                assertThat(GMalloc.usableSize(address)).isEqualTo(size);
                assertThat(firstNonZero(address, size))
                        .as("zeroed 0x%x", address)
                        .isEqualTo(-1);
                fill(address, size);
                blocks.add(address);
            }
            assertThat(GMalloc.stats().liveBlocks() - liveBefore).isEqualTo(count);
            TreeSet<Long> sorted = new TreeSet<>(blocks);
            assertThat(sorted).hasSize(count);
            long previous = sorted.first() - size;
            for (long address : sorted) {
                assertThat(address - previous)
                        .as("0x%x overlaps its neighbour", address)
                        .isGreaterThanOrEqualTo(size);
                previous = address;
            }
            for (long address : blocks) {
                assertThat(firstCorrupt(address, size))
                        .as("contents of 0x%x", address)
                        .isEqualTo(-1);
            }
            for (int i = 0; i < blocks.size(); i++) {
                if (i % 2 == 0) {
                    kind.free().accept(blocks.get(i));
                } else {
                    GMalloc.gfree(blocks.get(i)); // gfree accepts blocks of any bucket
                }
            }
            assertThat(GMalloc.stats().liveBlocks()).isEqualTo(liveBefore);
        });
    }

    /**
     * A freed block comes back (before long) and is zeroed again, as is every block handed out meanwhile.
     *
     * @return one test per kind
     */
    @TestFactory
    public Stream<DynamicTest> reusedBlocksAreZeroedAgain() {
        return each(kind -> {
            long size = kind.blockSize();
            long address = kind.alloc().getAsLong();
            fill(address, size);
            kind.free().accept(address);
            List<Long> taken = new ArrayList<>();
            long again;
            do {
                again = kind.alloc().getAsLong();
                taken.add(again);
                assertThat(firstNonZero(again, size)).as("block 0x%x", again).isEqualTo(-1);
            } while (again != address && taken.size() < 100_000);
            assertThat(again).as("the freed block came back").isEqualTo(address);
            taken.forEach(kind.free()::accept);
        });
    }

    /**
     * {@code free(0)} does nothing, like {@code free(NULL)}.
     *
     * @return one test per kind
     */
    @TestFactory
    public Stream<DynamicTest> freeOfZeroDoesNothing() {
        return each(kind -> {
            long invalidBefore = GMalloc.stats().invalidFrees();
            long liveBefore = GMalloc.stats().liveBlocks();
            kind.free().accept(0);
            assertThat(GMalloc.stats().invalidFrees()).isEqualTo(invalidBefore);
            assertThat(GMalloc.stats().liveBlocks()).isEqualTo(liveBefore);
        });
    }

    /**
     * A second free, through the kind's free or {@code gfree}, is DOUBLE_FREE, counted, named by the method the
     * user called; the block is never handed out twice.
     *
     * @return one test per kind
     */
    @TestFactory
    public Stream<DynamicTest> doubleFreeIsReportedAndTheBlockIsNeverHandedOutTwice() {
        return each(kind -> {
            long address = kind.alloc().getAsLong();
            kind.free().accept(address);
            long invalidBefore = GMalloc.stats().invalidFrees();
            long liveBefore = GMalloc.stats().liveBlocks();
            InvalidFreeException e =
                    rejected(address, Reason.DOUBLE_FREE, () -> kind.free().accept(address));
            assertThat(e).hasMessageStartingWith(kind.freeMessagePrefix());
            assertThat(GMalloc.stats().invalidFrees()).isEqualTo(invalidBefore + 1);
            assertThat(rejected(address, Reason.DOUBLE_FREE, () -> GMalloc.gfree(address)))
                    .hasMessageStartingWith("GMalloc.gfree: ");
            assertThat(GMalloc.stats().liveBlocks()).isEqualTo(liveBefore);
            Set<Long> handedOut = new HashSet<>();
            for (int i = 0; i < 100; i++) {
                assertThat(handedOut.add(kind.alloc().getAsLong()))
                        .as("handed out twice")
                        .isTrue();
            }
            handedOut.forEach(kind.free()::accept);
        });
    }

    /**
     * An address inside a live block (interior, misaligned) is INTERIOR, and the block stays live and intact.
     *
     * @return one test per kind
     */
    @TestFactory
    public Stream<DynamicTest> interiorAndMisalignedAddressesAreRejectedAndChangeNothing() {
        return each(kind -> {
            long size = kind.blockSize();
            long address = kind.alloc().getAsLong();
            fill(address, size);
            long liveBefore = GMalloc.stats().liveBlocks();
            for (long offset : new long[] {1, 3, 4, 8, size / 2, size - 1}) {
                if (offset <= 0 || offset >= size) {
                    continue;
                }
                rejected(address + offset, Reason.INTERIOR, () -> kind.free().accept(address + offset));
                rejected(address + offset, Reason.INTERIOR, () -> GMalloc.gfree(address + offset));
            }
            assertThat(GMalloc.stats().liveBlocks()).isEqualTo(liveBefore);
            assertThat(GMalloc.usableSize(address)).isEqualTo(size);
            assertThat(firstCorrupt(address, size)).isEqualTo(-1);
            kind.free().accept(address);
        });
    }

    /**
     * Addresses gmalloc never returned (random longs, a constant, memory of a Java arena) are NOT_OWNED, named in
     * the message; the foreign memory is untouched.
     *
     * @return one test per kind
     */
    @TestFactory
    public Stream<DynamicTest> addressesGmallocNeverReturnedAreNotOwned() {
        return each(kind -> {
            SplittableRandom random = new SplittableRandom(42 + kind.name().hashCode()); // other longs per kind
            for (int i = 0; i < 2_000; i++) {
                long address = random.nextLong();
                if (address != 0) {
                    rejected(address, Reason.NOT_OWNED, () -> kind.free().accept(address));
                }
            }
            rejected(0xdead0000L, Reason.NOT_OWNED, () -> kind.free().accept(0xdead0000L));
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment segment = arena.allocate(64);
                segment.set(ValueLayout.JAVA_LONG, 0, 7);
                rejected(segment.address(), Reason.NOT_OWNED, () -> kind.free().accept(segment.address()));
                assertThat(segment.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(7);
            }
        });
    }

    /**
     * A kind with its own bucket rejects blocks of other buckets (WRONG_BUCKET) and changes nothing; a kind that
     * frees with {@code gfree} takes blocks of any bucket.
     *
     * @return one test per kind
     */
    @TestFactory
    public Stream<DynamicTest> freeOfAnotherBucketsBlock() {
        return each(kind -> {
            long[] others = {GMalloc.gmalloc(16), FOREIGN.alloc(), GMalloc.gmalloc(2000)};
            for (long other : others) {
                long usable = GMalloc.usableSize(other);
                fill(other, usable);
                if (kind.ownBucket()) {
                    long liveBefore = GMalloc.stats().liveBlocks();
                    rejected(other, Reason.WRONG_BUCKET, () -> kind.free().accept(other));
                    assertThat(GMalloc.stats().liveBlocks()).isEqualTo(liveBefore);
                    assertThat(GMalloc.usableSize(other)).isEqualTo(usable);
                    assertThat(firstCorrupt(other, usable)).isEqualTo(-1);
                    GMalloc.gfree(other);
                } else {
                    kind.free().accept(other);
                    assertThatThrownBy(() -> GMalloc.usableSize(other)).isInstanceOf(IllegalArgumentException.class);
                }
            }
        });
    }

    /**
     * Any thread may free a block: after a remote free the block is dead for everyone, a second free in any
     * thread is DOUBLE_FREE in that thread, and the owner reuses the memory (zeroed, nothing new reserved).
     *
     * @return one test per kind
     */
    @TestFactory
    public Stream<DynamicTest> remotelyFreedBlocksAreDeadForEveryoneAndReusedByTheOwner() {
        return each(kind -> {
            long size = kind.blockSize();
            int count = (int) Math.max(64, Math.min(4_000, (8L << 20) / size));
            long[] blocks = new long[count];
            for (int i = 0; i < count; i++) {
                blocks[i] = kind.alloc().getAsLong();
            }
            long liveBefore = GMalloc.stats().liveBlocks();
            long last = blocks[count - 1];
            AtomicReference<Throwable> again = new AtomicReference<>();
            onOtherThread(() -> {
                for (long b : blocks) {
                    kind.free().accept(b);
                }
                again.set(catchThrowable(() -> kind.free().accept(last))); // the same remote thread, once more
            });
            assertThat(again.get()).isInstanceOf(InvalidFreeException.class);
            assertThat(((InvalidFreeException) again.get()).reason()).isEqualTo(Reason.DOUBLE_FREE);
            assertThat(((InvalidFreeException) again.get()).address()).isEqualTo(last);
            assertThat(GMalloc.stats().liveBlocks()).isEqualTo(liveBefore - count);
            long first = blocks[0];
            assertThatThrownBy(() -> GMalloc.usableSize(first)).isInstanceOf(IllegalArgumentException.class);
            rejected(
                    first,
                    Reason.DOUBLE_FREE,
                    () -> onOtherThread(() -> kind.free().accept(first)));
            rejected(first, Reason.DOUBLE_FREE, () -> kind.free().accept(first));
            long reserved = GMalloc.stats().reservedBytes();
            long[] reused = new long[count];
            for (int i = 0; i < count; i++) {
                reused[i] = kind.alloc().getAsLong();
                assertThat(firstNonZero(reused[i], size))
                        .as("block 0x%x", reused[i])
                        .isEqualTo(-1);
            }
            assertThat(GMalloc.stats().reservedBytes())
                    .as("remotely freed memory reused")
                    .isEqualTo(reserved);
            for (long b : reused) {
                kind.free().accept(b);
            }
        });
    }

    /**
     * {@code usableSize} and {@code segment} answer exactly for a live block start and reject anything else
     * without counting it as an invalid free.
     *
     * @return one test per kind
     */
    @TestFactory
    public Stream<DynamicTest> usableSizeAndSegmentViewExactlyTheLiveBlock() {
        return each(kind -> {
            long size = kind.blockSize();
            long address = kind.alloc().getAsLong();
            long invalidFrees = GMalloc.stats().invalidFrees();
            MemorySegment segment = GMalloc.segment(address);
            assertThat(segment.address()).isEqualTo(address);
            assertThat(segment.byteSize()).isEqualTo(size);
            segment.set(ValueLayout.JAVA_BYTE, size - 1, (byte) 99);
            assertThat(ALL.get(ValueLayout.JAVA_BYTE, address + size - 1)).isEqualTo((byte) 99);
            if (size > 1) {
                assertThatThrownBy(() -> GMalloc.usableSize(address + 1))
                        .isExactlyInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("GMalloc.usableSize: ")
                        .hasMessageContaining("inside a gmalloc block");
            }
            kind.free().accept(address);
            assertThatThrownBy(() -> GMalloc.usableSize(address))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a live block: it was freed")
                    .hasMessageNotContaining("nothing was changed");
            assertThatThrownBy(() -> GMalloc.segment(address))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("GMalloc.segment: ")
                    .hasMessageContaining("not a live block")
                    .hasMessageNotContaining("nothing was changed");
            assertThatThrownBy(() -> GMalloc.usableSize(12345))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a gmalloc block");
            assertThat(GMalloc.stats().invalidFrees())
                    .as("queries are not invalid frees")
                    .isEqualTo(invalidFrees);
        });
    }

    /**
     * {@code checkAccess} (what generated accessors call in checked mode) accepts exactly the live block's bytes;
     * in checked mode a freed block is poisoned.
     *
     * @return one test per kind
     */
    @TestFactory
    public Stream<DynamicTest> checkAccessCoversExactlyTheLiveBlock() {
        return each(kind -> {
            long size = kind.blockSize();
            long address = kind.alloc().getAsLong();
            GMalloc.checkAccess(address, size);
            GMalloc.checkAccess(address + size - 1, 1);
            invalidAccess(address, size + 1);
            invalidAccess(address + size - 1, 2);
            kind.free().accept(address);
            invalidAccess(address, 1);
            if (GMalloc.checkedMode()) {
                assertThat(firstNonZero(address, size))
                        .as("freed memory is poisoned")
                        .isZero();
            }
        });
    }

    private static void invalidAccess(long address, long bytes) {
        Throwable t = catchThrowable(() -> GMalloc.checkAccess(address, bytes));
        assertThat(t).as("checkAccess(0x%x, %d)", address, bytes).isInstanceOf(InvalidAccessException.class);
        assertThat(((InvalidAccessException) t).address()).isEqualTo(address);
    }

    /** The call throws InvalidFreeException for {@code address} with {@code reason}, naming the address. */
    private static InvalidFreeException rejected(long address, Reason reason, Executable call) {
        InvalidFreeException e = catchThrowableOfType(InvalidFreeException.class, call::execute);
        assertThat(e).as("InvalidFreeException for 0x%x", address).isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.address()).isEqualTo(address);
        assertThat(e.getMessage()).contains(Long.toHexString(address));
        return e;
    }

    /** Runs on a fresh platform thread, rethrowing what it threw. */
    private static void onOtherThread(Runnable action) throws InterruptedException {
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

    private static byte patternByte(long address, long i) {
        long x = address * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L;
        return (byte) (x ^ (x >>> 29) | 1); // never 0, so "zeroed" and "filled" differ in every byte
    }

    private static void fill(long address, long bytes) {
        for (long i = 0; i < bytes; i++) {
            ALL.set(ValueLayout.JAVA_BYTE, address + i, patternByte(address, i));
        }
    }

    /** Index of the first byte that differs from the pattern, or -1. */
    private static long firstCorrupt(long address, long bytes) {
        for (long i = 0; i < bytes; i++) {
            if (ALL.get(ValueLayout.JAVA_BYTE, address + i) != patternByte(address, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first non-zero byte, or -1. */
    private static long firstNonZero(long address, long bytes) {
        for (long i = 0; i < bytes; i++) {
            if (ALL.get(ValueLayout.JAVA_BYTE, address + i) != 0) {
                return i;
            }
        }
        return -1;
    }
}
