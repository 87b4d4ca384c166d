package io.gmalloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/** Shared checks for a gmalloc-backed {@link SegmentAllocator}. */
final class SegmentAllocatorCheck {
    private SegmentAllocatorCheck() {}

    static void check(SegmentAllocator allocator, long alignment) {
        for (long size : new long[] {0, 1, 7, 24, 100, 512, 513, 3000, 70_000}) {
            MemorySegment segment = allocator.allocate(size, alignment);
            assertThat(segment.byteSize()).as("size %d", size).isEqualTo(size);
            assertThat(segment.address() % alignment)
                    .as("alignment %d of size %d", alignment, size)
                    .isZero();
            assertThat(Blocks.firstNonZero(segment.address(), size)).isEqualTo(-1);
            segment.fill((byte) 0x5A);
            GMalloc.gfree(segment.address());
        }
    }
}
