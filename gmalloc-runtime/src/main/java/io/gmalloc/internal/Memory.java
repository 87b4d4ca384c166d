package io.gmalloc.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Raw access to user blocks through one global segment: {@code MemorySegment.NULL} widened to the whole address
 * space. Bounds are the caller's job (gmalloc validates addresses before it touches a block); the global scope is
 * never closed, so every access is a plain load or store once C2 is done.
 */
public final class Memory {
    private Memory() {}

    /** Zero-based segment over the whole address space. Restricted call: the reason gmalloc needs native access. */
    @SuppressWarnings("restricted")
    public static final MemorySegment EVERYTHING = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    /** Zeroes {@code bytes} bytes at {@code address}: long stores for small blocks, a bulk fill for large ones. */
    static void zero(long address, long bytes) {
        if (bytes == Long.BYTES) { // the 8-byte bucket: the common case, one store
            EVERYTHING.set(LONG, address, 0L);
            return;
        }
        if (bytes > 64) {
            EVERYTHING.asSlice(address, bytes).fill((byte) 0);
            return;
        }
        long offset = 0;
        for (; offset + Long.BYTES <= bytes; offset += Long.BYTES) {
            EVERYTHING.set(LONG, address + offset, 0L);
        }
        for (; offset < bytes; offset++) {
            EVERYTHING.set(ValueLayout.JAVA_BYTE, address + offset, (byte) 0);
        }
    }

    /** Writes the checked-mode poison over a freed block. */
    static void poison(long address, long bytes) {
        EVERYTHING.asSlice(address, bytes).fill(Options.POISON);
    }

    /** Copies {@code bytes} bytes between blocks that do not overlap. */
    static void copy(long from, long to, long bytes) {
        MemorySegment.copy(EVERYTHING, from, EVERYTHING, to, bytes);
    }
}
