package io.gmalloc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlabRegistryTest {
    private static final long CHUNK = SlabRegistry.CHUNK_BYTES;

    private final PrivateHeap heap = new PrivateHeap("internal.SlabRegistryTest", 32);

    /** A real slab: makes sure the flat window has been placed before a test registers slabs of its own. */
    private long first;

    @BeforeEach
    void placeTheWindow() {
        first = heap.alloc();
    }

    @AfterEach
    void close() {
        heap.close();
    }

    @Test
    void findsTheSlabFromEveryAddressInsideItAndNothingOutside() {
        Slab slab = heap.slabOf(first);
        assertThat(slab).isNotNull();
        assertThat(slab.base % SlabRegistry.CHUNK_BYTES).as("chunk-aligned").isZero();
        for (long offset = 0; offset < slab.bytes; offset += 4093) {
            assertThat(SlabRegistry.lookup(slab.base + offset)).isSameAs(slab);
        }
        assertThat(SlabRegistry.lookup(slab.base + slab.bytes - 1)).isSameAs(slab);
        assertThat(SlabRegistry.lookup(slab.base + slab.bytes)).isNotSameAs(slab);
        assertThat(SlabRegistry.lookup(slab.base - 1)).isNotSameAs(slab);
    }

    @Test
    void addressesOutsideTheTrackedRangeAreNobodys() {
        assertThat(SlabRegistry.lookup(0L)).isNull();
        assertThat(SlabRegistry.lookup(-1L)).isNull();
        assertThat(SlabRegistry.lookup(1L << 48)).isNull();
        assertThat(SlabRegistry.lookup((1L << 48) + (first & ((1L << 48) - 1)))).isNull();
        assertThat(SlabRegistry.lookup(first | Long.MIN_VALUE))
                .as("the slab's address with the sign bit")
                .isNull();
        assertThat(SlabRegistry.lookup(Long.MIN_VALUE)).isNull();
        assertThat(SlabRegistry.lookup(Long.MAX_VALUE)).isNull();
        assertThat(SlabRegistry.covers(0, 16)).isFalse();
        assertThat(SlabRegistry.covers((1L << 48) - 16, 32)).isFalse();
        assertThat(SlabRegistry.covers(1L << 20, 1L << 16)).isTrue();
    }

    @Test
    void theWindowIsPlacedOnceAroundTheFirstSlab() {
        long base = SlabRegistry.flatBase();
        assertThat(base).as("placed by the first slab").isNotEqualTo(Long.MIN_VALUE);
        assertThat(base % CHUNK).isZero();
        assertThat(base).isBetween(0L, (1L << 48) - SlabRegistry.FLAT_BYTES);
        assertThat(SlabRegistry.inFlatWindow(base)).isTrue();
        assertThat(SlabRegistry.inFlatWindow(base + SlabRegistry.FLAT_BYTES - 1))
                .isTrue();
        assertThat(SlabRegistry.inFlatWindow(base + SlabRegistry.FLAT_BYTES)).isFalse();
        assertThat(SlabRegistry.inFlatWindow(base - 1)).isFalse();
        heap.alloc();
        assertThat(SlabRegistry.flatBase()).as("never moves").isEqualTo(base);
    }

    @Test
    void windowAroundKeepsTheFirstSlabInsideAndStaysInTheTrackedRange() {
        for (long at : new long[] {CHUNK, 1L << 32, 0x7f30_0bfa_0000L, 0x5555_5555_0000L, (1L << 48) - CHUNK}) {
            long base = SlabRegistry.windowAround(at);
            assertThat(base % CHUNK).as("aligned, for %x", at).isZero();
            assertThat(base).as("not below 0, for %x", at).isNotNegative();
            assertThat(at - base).as("contains %x", at).isBetween(0L, SlabRegistry.FLAT_BYTES - 1);
            assertThat(base + SlabRegistry.FLAT_BYTES)
                    .as("below 2^48, for %x", at)
                    .isLessThanOrEqualTo(1L << 48);
        }
        assertThat(SlabRegistry.windowAround(0x7f30_0bfa_0000L))
                .as("mostly below the first slab, where later mappings go")
                .isEqualTo(0x7f30_0bfa_0000L + SlabRegistry.FLAT_ABOVE_FIRST - SlabRegistry.FLAT_BYTES);
    }

    @Test
    void slabsInsideTheWindowAreFoundThroughItAndForgottenWhenUnregistered() {
        long base = freeRange(SlabRegistry.flatBase() + CHUNK, 3);
        assertThat(SlabRegistry.inFlatWindow(base)).isTrue();
        checkRegisterAndUnregister(base + CHUNK, CHUNK);
    }

    @Test
    void slabsOutsideTheWindowAreFoundThroughTheTwoLevelTable() {
        long windowEnd = SlabRegistry.flatBase() + SlabRegistry.FLAT_BYTES;
        long start =
                windowEnd + (65L << 30) < 1L << 48 ? windowEnd + (64L << 30) : SlabRegistry.flatBase() - (64L << 30);
        assumeTrue(start > 0, "the window leaves no room on either side");
        long base = freeRange(start, 4);
        assertThat(SlabRegistry.inFlatWindow(base)).isFalse();
        checkRegisterAndUnregister(base + CHUNK, 2 * CHUNK);
    }

    @Test
    void aSlabAcrossTheWindowsEndIsFoundOnBothSides() {
        long windowEnd = SlabRegistry.flatBase() + SlabRegistry.FLAT_BYTES;
        long base = windowEnd - 2 * CHUNK;
        assumeTrue(windowEnd + 3 * CHUNK < 1L << 48, "the window ends at the top of the tracked range");
        for (long chunk = base - CHUNK; chunk < base + 5 * CHUNK; chunk += CHUNK) {
            assumeTrue(SlabRegistry.lookup(chunk) == null, "a slab of this JVM's lies at the window's end");
        }
        assertThat(SlabRegistry.inFlatWindow(base + CHUNK)).isTrue();
        assertThat(SlabRegistry.inFlatWindow(base + 2 * CHUNK)).isFalse();
        checkRegisterAndUnregister(base, 4 * CHUNK);
    }

    /** Registers a slab of its own at {@code [base, base + bytes)}, checks both ends and neighbours, unregisters. */
    private void checkRegisterAndUnregister(long base, long bytes) {
        Slab slab = new Slab(base, bytes, heap.bucket, Heap.NONE, null);
        SlabRegistry.register(slab);
        try {
            for (long address = base; address < base + bytes; address += CHUNK / 2) {
                assertThat(SlabRegistry.lookup(address))
                        .as("at +%d", address - base)
                        .isSameAs(slab);
            }
            assertThat(SlabRegistry.lookup(base + bytes - 1)).isSameAs(slab);
            assertThat(SlabRegistry.lookup(base - 1)).isNull();
            assertThat(SlabRegistry.lookup(base + bytes)).isNull();
        } finally {
            SlabRegistry.unregister(base, bytes);
        }
        assertThat(SlabRegistry.lookup(base)).isNull();
        assertThat(SlabRegistry.lookup(base + bytes - 1)).isNull();
    }

    /** The first chunk-aligned address from {@code start} up where {@code chunks} chunks hold no slab. */
    private static long freeRange(long start, int chunks) {
        long base = start & -CHUNK;
        for (int found = 0; found < chunks; base += CHUNK) {
            found = SlabRegistry.lookup(base) == null ? found + 1 : 0;
            if (found == chunks) {
                return base - (chunks - 1) * CHUNK;
            }
        }
        throw new AssertionError("unreachable");
    }
}
