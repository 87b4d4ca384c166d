package io.gmalloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gmalloc.InvalidFreeException.Reason;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rows of docs/design.md's runtime semantics table that are particular to {@code GMalloc}: size to bucket,
 * large blocks, sizes 0 and negative, {@code gcalloc}, {@code grealloc}, {@code allocator()}. What every block
 * kind promises (zeroed reuse, free of 0, NOT_OWNED, INTERIOR, DOUBLE_FREE, {@code usableSize} and
 * {@code segment} of live and freed blocks, the method named in free errors) is checked for every general bucket
 * by {@link io.gmalloc.contract.GeneralBucketsContractTest}.
 */
class GMallocSemanticsTest {

    @Test
    void everySizeUpTo600IsAlignedZeroedAndLargeEnough() {
        List<Long> blocks = new ArrayList<>();
        for (long size = 1; size <= 600; size++) {
            long address = GMalloc.gmalloc(size);
            blocks.add(address);
            long usable = GMalloc.usableSize(address);
            assertThat(address).as("size %d", size).isNotZero();
            if (size <= 512) {
                assertThat(usable).as("usable size of %d", size).isEqualTo((size + 7) / 8 * 8);
                assertThat(address % 8).as("alignment of %d", size).isZero();
            } else {
                assertThat(usable).as("usable size of %d", size).isGreaterThanOrEqualTo(size);
                assertThat(address % 16).as("alignment of %d", size).isZero();
            }
            assertThat(Blocks.firstNonZero(address, usable))
                    .as("zeroed, size %d", size)
                    .isEqualTo(-1);
            Blocks.fill(address, usable);
        }
        for (long address : blocks) {
            assertThat(Blocks.firstCorrupt(address, GMalloc.usableSize(address)))
                    .isEqualTo(-1);
            GMalloc.gfree(address);
        }
    }

    @Test
    void sizesInOneBucketShareTheBlockSizeAndNeighboursSitOneBlockApart() {
        long first = GMalloc.gmalloc(17);
        long second = GMalloc.gmalloc(24);
        assertThat(GMalloc.usableSize(first)).isEqualTo(24);
        assertThat(Math.abs(second - first)).isEqualTo(24);
        GMalloc.gfree(first);
        GMalloc.gfree(second);
    }

    @Test
    void largeBlocksAreZeroedAlignedAndTracked() {
        long before = GMalloc.stats().largeAllocations();
        long address = GMalloc.gmalloc(100_000);
        assertThat(address % 16).isZero();
        assertThat(GMalloc.usableSize(address)).isGreaterThanOrEqualTo(100_000);
        assertThat(Blocks.firstNonZero(address, 100_000)).isEqualTo(-1);
        assertThat(GMalloc.stats().largeAllocations()).isEqualTo(before + 1);
        GMalloc.gfree(address);
        assertThat(GMalloc.stats().largeAllocations()).isEqualTo(before);
    }

    @Test
    void zeroSizeGivesUniqueFreeableAddresses() {
        long a = GMalloc.gmalloc(0);
        long b = GMalloc.gmalloc(0);
        assertThat(a).isNotZero().isNotEqualTo(b);
        assertThat(GMalloc.usableSize(a)).isGreaterThanOrEqualTo(1);
        GMalloc.gfree(a);
        GMalloc.gfree(b);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, -8, Long.MIN_VALUE})
    void negativeSizeIsRejectedNamingTheValue(long size) {
        assertThatThrownBy(() -> GMalloc.gmalloc(size))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(size));
    }

    @Test
    void gcallocMultipliesAndRejectsOverflowAndNegatives() {
        long address = GMalloc.gcalloc(10, 12);
        assertThat(GMalloc.usableSize(address)).isGreaterThanOrEqualTo(120);
        assertThat(Blocks.firstNonZero(address, 120)).isEqualTo(-1);
        GMalloc.gfree(address);
        assertThatThrownBy(() -> GMalloc.gcalloc(Long.MAX_VALUE / 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(Long.MAX_VALUE / 2));
        assertThatThrownBy(() -> GMalloc.gcalloc(-2, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2");
        assertThatThrownBy(() -> GMalloc.gcalloc(2, -8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-8");
    }

    @Test
    void rejectsInteriorPointersOfLargeBlocks() {
        long address = GMalloc.gmalloc(4096);
        InvalidFreeException e = catchThrowableOfType(InvalidFreeException.class, () -> GMalloc.gfree(address + 16));
        assertThat(e.reason()).isEqualTo(Reason.INTERIOR);
        GMalloc.gfree(address);
    }

    @Test
    void doubleFreeOfLargeBlockIsReported() {
        long address = GMalloc.gmalloc(10_000);
        GMalloc.gfree(address);
        InvalidFreeException e = catchThrowableOfType(InvalidFreeException.class, () -> GMalloc.gfree(address));
        assertThat(e.reason()).isEqualTo(Reason.DOUBLE_FREE);
    }

    @Test
    void greallocOfZeroAllocates() {
        long address = GMalloc.grealloc(0, 40);
        assertThat(GMalloc.usableSize(address)).isEqualTo(40);
        GMalloc.gfree(address);
    }

    @Test
    void greallocGrowthKeepsBytesAndZeroFillsTheTail() {
        for (long[] sizes : new long[][] {{16, 200}, {100, 5000}, {600, 40_000}}) {
            long address = GMalloc.gmalloc(sizes[0]);
            long oldUsable = GMalloc.usableSize(address);
            Blocks.fill(address, oldUsable);
            long grown = GMalloc.grealloc(address, sizes[1]);
            for (long i = 0; i < oldUsable; i++) {
                assertThat(Blocks.ALL.get(ValueLayout.JAVA_BYTE, grown + i)).isEqualTo(Blocks.patternByte(address, i));
            }
            assertThat(Blocks.firstNonZero(grown + oldUsable, sizes[1] - oldUsable))
                    .isEqualTo(-1);
            GMalloc.gfree(grown);
        }
    }

    @Test
    void greallocWithinTheSameBucketKeepsTheAddress() {
        long address = GMalloc.gmalloc(30);
        assertThat(GMalloc.grealloc(address, 25)).isEqualTo(address);
        assertThat(GMalloc.grealloc(address, 32)).isEqualTo(address);
        long large = GMalloc.gmalloc(10_000);
        assertThat(GMalloc.grealloc(large, 9_000)).isEqualTo(large);
        GMalloc.gfree(address);
        GMalloc.gfree(large);
    }

    @Test
    void greallocShrinkingToAnotherBucketMovesAndKeepsThePrefix() {
        long address = GMalloc.gmalloc(512);
        Blocks.fill(address, 512);
        long shrunk = GMalloc.grealloc(address, 8);
        assertThat(GMalloc.usableSize(shrunk)).isEqualTo(8);
        for (long i = 0; i < 8; i++) {
            assertThat(Blocks.ALL.get(ValueLayout.JAVA_BYTE, shrunk + i)).isEqualTo(Blocks.patternByte(address, i));
        }
        GMalloc.gfree(shrunk);
    }

    @Test
    void greallocOfAFreedBlockIsADoubleFree() {
        long address = GMalloc.gmalloc(48);
        GMalloc.gfree(address);
        InvalidFreeException e = catchThrowableOfType(InvalidFreeException.class, () -> GMalloc.grealloc(address, 96));
        assertThat(e.reason()).isEqualTo(Reason.DOUBLE_FREE);
        assertThat(e).hasMessageStartingWith("GMalloc.grealloc: "); // the method the user called
        assertThatThrownBy(() -> GMalloc.grealloc(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 4, 8, 16, 32, 64, 256, 4096})
    void allocatorReturnsZeroedSegmentsOfTheRequestedSizeAndAlignment(long alignment) {
        SegmentAllocatorCheck.check(GMalloc.allocator(), alignment);
    }

    @Test
    void allocatorRejectsBadArguments() {
        assertThatThrownBy(() -> GMalloc.allocator().allocate(-1, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GMalloc.allocator().allocate(8, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMillionMixedBlocksKeepTheirOwnContents() {
        SplittableRandom random = new SplittableRandom(7);
        int count = 1_000_000;
        long[] addresses = new long[count];
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            sizes[i] = random.nextInt(100) == 0 ? 513 + random.nextInt(3000) : 1 + random.nextInt(512);
            addresses[i] = GMalloc.gmalloc(sizes[i]);
            fillWords(addresses[i], sizes[i], i);
        }
        for (int i = 0; i < count; i++) {
            assertThat(checkWords(addresses[i], sizes[i], i))
                    .as("block %d of %d bytes", i, sizes[i])
                    .isTrue();
        }
        for (long address : addresses) {
            GMalloc.gfree(address);
        }
    }

    /** Cheaper than a byte pattern for a million blocks: every byte gets the block number's low byte, ends too. */
    private static void fillWords(long address, int size, int tag) {
        Blocks.ALL.asSlice(address, size).fill((byte) (tag | 1));
    }

    private static boolean checkWords(long address, int size, int tag) {
        byte b = (byte) (tag | 1);
        MemorySegment block = Blocks.ALL.asSlice(address, size);
        return block.get(ValueLayout.JAVA_BYTE, 0) == b
                && block.get(ValueLayout.JAVA_BYTE, size - 1) == b
                && block.get(ValueLayout.JAVA_BYTE, size / 2) == b;
    }
}
