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

    /**
     * Zeroes {@code bytes} bytes at {@code address}. Up to 64 bytes: a few long stores, the last one overlapping
     * the previous (a 12-byte block takes two stores, not one long and four bytes); larger: a bulk fill.
     */
    static void zero(long address, long bytes) {
        if (bytes >= Long.BYTES) {
            if (bytes > 64) {
                EVERYTHING.asSlice(address, bytes).fill((byte) 0);
                return;
            }
            for (long offset = 0; offset < bytes - Long.BYTES; offset += Long.BYTES) {
                EVERYTHING.set(LONG, address + offset, 0L);
            }
            EVERYTHING.set(LONG, address + bytes - Long.BYTES, 0L);
        } else if (bytes >= Integer.BYTES) {
            EVERYTHING.set(ValueLayout.JAVA_INT_UNALIGNED, address, 0);
            EVERYTHING.set(ValueLayout.JAVA_INT_UNALIGNED, address + bytes - Integer.BYTES, 0);
        } else if (bytes >= Short.BYTES) {
            EVERYTHING.set(ValueLayout.JAVA_SHORT_UNALIGNED, address, (short) 0);
            EVERYTHING.set(ValueLayout.JAVA_SHORT_UNALIGNED, address + bytes - Short.BYTES, (short) 0);
        } else if (bytes == 1) {
            EVERYTHING.set(ValueLayout.JAVA_BYTE, address, (byte) 0);
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
