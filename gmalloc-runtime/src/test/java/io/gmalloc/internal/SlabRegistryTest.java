package io.gmalloc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlabRegistryTest {
    private final PrivateHeap heap = new PrivateHeap("internal.SlabRegistryTest", 32);

    @AfterEach
    void close() {
        heap.close();
    }

    @Test
    void findsTheSlabFromEveryAddressInsideItAndNothingOutside() {
        long a = heap.alloc();
        Slab slab = heap.slabOf(a);
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
        assertThat(SlabRegistry.lookup(-1L)).isNull();
        assertThat(SlabRegistry.lookup(1L << 48)).isNull();
        assertThat(SlabRegistry.lookup(Long.MIN_VALUE)).isNull();
        assertThat(SlabRegistry.covers(0, 16)).isFalse();
        assertThat(SlabRegistry.covers((1L << 48) - 16, 32)).isFalse();
        assertThat(SlabRegistry.covers(1L << 20, 1L << 16)).isTrue();
    }
}
