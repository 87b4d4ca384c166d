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
     * Zeroes {@code bytes} bytes at {@code address}. Up to 16 bytes: one or two stores, the second overlapping the
     * first (a 12-byte block takes two stores, not one long and four bytes); larger: the JDK's bulk fill, whose
     * small-size path beat a loop of long stores (64-byte pair 19.5 -> 16 ns, thread CPU time).
     */
    static void zero(long address, long bytes) {
        if (bytes >= Long.BYTES) {
            if (bytes > 2 * Long.BYTES) {
                EVERYTHING.asSlice(address, bytes).fill((byte) 0);
                return;
            }
            EVERYTHING.set(LONG, address, 0L);
            if (bytes > Long.BYTES) {
                EVERYTHING.set(LONG, address + bytes - Long.BYTES, 0L);
            }
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

    /** Slab addresses lie below 2^48 and are 8-byte aligned: masking with this changes nothing but tells C2 so. */
    private static final long SLAB_ADDRESS = (1L << 48) - Long.BYTES;

    /** Largest block zeroed by single long stores; larger ones copy from {@link #ZEROS}. */
    private static final int STORES_UP_TO = 128;

    /** 512 zero bytes, never written: the source of the larger general blocks' zeroing. */
    private static final MemorySegment ZEROS = MemorySegment.ofArray(new long[512 / Long.BYTES]);

    /**
     * Zeroes a general bucket's block of {@code bytes} (a multiple of 8, at most 512). Up to 128 bytes by long
     * stores: the mask on the address bounds it, so the bounds check of every store folds away, and with a
     * constant {@code bytes} the loop unrolls into at most 16 plain stores. Larger blocks copy from a zero array
     * (vector moves; a loop of 24 or more stores is not unrolled and was slower than that).
     */
    static void zeroWords(long address, long bytes) {
        long at = address & SLAB_ADDRESS;
        if (bytes <= STORES_UP_TO) {
            for (int i = 0; i < (int) bytes; i += Long.BYTES) {
                EVERYTHING.set(LONG, at + i, 0L);
            }
        } else {
            MemorySegment.copy(ZEROS, 0, EVERYTHING, at, bytes);
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
