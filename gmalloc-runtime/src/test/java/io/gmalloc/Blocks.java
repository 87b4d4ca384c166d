package io.gmalloc;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Test helpers: fill a block with a pattern derived from its address, and check it. */
final class Blocks {
    private Blocks() {}

    static final MemorySegment ALL = GMalloc.addressSpace();

    static byte patternByte(long address, long i) {
        long x = address * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L;
        return (byte) (x ^ (x >>> 29) | 1); // never 0, so "zeroed" and "filled" differ in every byte
    }

    static void fill(long address, long bytes) {
        for (long i = 0; i < bytes; i++) {
            ALL.set(ValueLayout.JAVA_BYTE, address + i, patternByte(address, i));
        }
    }

    /** Index of the first byte that differs from the pattern, or -1. */
    static long firstCorrupt(long address, long bytes) {
        for (long i = 0; i < bytes; i++) {
            if (ALL.get(ValueLayout.JAVA_BYTE, address + i) != patternByte(address, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first non-zero byte, or -1. */
    static long firstNonZero(long address, long bytes) {
        for (long i = 0; i < bytes; i++) {
            if (ALL.get(ValueLayout.JAVA_BYTE, address + i) != 0) {
                return i;
            }
        }
        return -1;
    }
}
