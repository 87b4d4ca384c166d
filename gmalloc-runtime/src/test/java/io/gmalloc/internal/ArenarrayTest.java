package io.gmalloc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArenarrayTest {
    private final PrivateHeap heap = new PrivateHeap("internal.ArenarrayTest", 512);

    @AfterEach
    void close() {
        heap.close();
    }

    /** The first block of a new slab, allocated by the last {@link #fillOneSlab}; 0 if none. */
    private long spilled;

    /** Allocates until the heap has moved on from the slab of the first block; returns the blocks of that slab. */
    private List<Long> fillOneSlab() {
        List<Long> blocks = new ArrayList<>();
        long first = spilled != 0 ? spilled : heap.alloc();
        Slab slab = heap.slabOf(first);
        blocks.add(first);
        while (true) {
            long next = heap.alloc();
            if (heap.slabOf(next) != slab) {
                spilled = next;
                return blocks;
            }
            blocks.add(next);
        }
    }

    @Test
    void aFullSlabBecomesAvailableOnceHoweverManyBlocksAreFreed() {
        List<Long> blocks = fillOneSlab();
        Slab slab = heap.slabOf(blocks.getFirst());
        assertThat(slab.state).isEqualTo(Slab.FULL);
        for (int i = 0; i < 5; i++) {
            heap.free(blocks.get(i * 3));
            assertThat(slab.state).isEqualTo(Slab.AVAILABLE);
            heap.assertConsistent(); // counts the slab's entries in the available list: exactly one
        }
    }

    @Test
    void slabsGrowAndEmptyOnesBeyondOneSpareGoToThePool() {
        List<Long> first = fillOneSlab();
        List<Long> second = fillOneSlab();
        assertThat(heap.arenarray().slabs().length).isGreaterThanOrEqualTo(3);
        Slab firstSlab = heap.slabOf(first.getFirst());
        Slab secondSlab = heap.slabOf(second.getFirst());
        // (a bucket used a lot asks for larger slabs, but may be given a smaller pooled one: not asserted here)
        assertThat(secondSlab).isNotSameAs(firstSlab);
        first.forEach(heap::free);
        assertThat(firstSlab.state).as("the only empty slab is kept as a spare").isEqualTo(Slab.AVAILABLE);
        second.forEach(heap::free);
        assertThat(List.of(heap.arenarray().slabs()))
                .as("a second empty slab goes to the pool")
                .doesNotContain(secondSlab);
        assertThat(secondSlab.state).isEqualTo(Slab.DETACHED);
        assertThat(secondSlab.owner).isSameAs(Heap.NONE);
        heap.assertConsistent();
    }

    @Test
    void trimGivesEveryEmptySlabBackTheCurrentOneToo() {
        long a = heap.alloc();
        heap.free(a);
        heap.heap.trim();
        assertThat(heap.arenarray().slabs()).isEmpty();
        assertThat(heap.heap.current[heap.bucket.index]).isSameAs(Slab.EMPTY);
        long b = heap.alloc();
        assertThat(heap.slabOf(b)).isNotNull();
        heap.assertConsistent();
    }
}
