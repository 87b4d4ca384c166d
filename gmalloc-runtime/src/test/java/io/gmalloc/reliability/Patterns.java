package io.gmalloc.reliability;

import io.gmalloc.GMalloc;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Block contents for the reliability suite: a pattern derived from a seed (not from the address, so a block moved
 * by {@code grealloc} keeps its pattern), never containing a zero byte so "zeroed" and "written" always differ.
 * Comparisons use {@link MemorySegment#mismatch} so megabyte blocks stay cheap to check.
 */
final class Patterns {
    private Patterns() {}

    private static final MemorySegment ALL = GMalloc.addressSpace();

    static byte at(long seed, long i) {
        long x = (seed + 1) * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L;
        x ^= x >>> 31;
        return (byte) (x | 1);
    }

    private static byte[] expected(long seed, long from, long to) {
        byte[] bytes = new byte[Math.toIntExact(to - from)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = at(seed, from + i);
        }
        return bytes;
    }

    /** Writes the pattern of {@code seed} over bytes {@code [from, to)} of the block at {@code address}. */
    static void write(long address, long seed, long from, long to) {
        if (to > from) {
            MemorySegment.copy(MemorySegment.ofArray(expected(seed, from, to)), 0, ALL, address + from, to - from);
        }
    }

    static void write(long address, long seed, long bytes) {
        write(address, seed, 0, bytes);
    }

    /** Offset of the first byte in {@code [0, bytes)} that differs from the pattern, or -1. */
    static long firstCorrupt(long address, long seed, long bytes) {
        if (bytes == 0) {
            return -1;
        }
        return ALL.asSlice(address, bytes).mismatch(MemorySegment.ofArray(expected(seed, 0, bytes)));
    }

    /** Offset of the first non-zero byte in {@code [from, to)}, or -1. */
    static long firstNonZero(long address, long from, long to) {
        if (to <= from) {
            return -1;
        }
        long offset =
                ALL.asSlice(address + from, to - from).mismatch(MemorySegment.ofArray(new byte[(int) (to - from)]));
        return offset < 0 ? -1 : from + offset;
    }

    /** A copy of {@code bytes} bytes at {@code address}. */
    static byte[] bytes(long address, long bytes) {
        return ALL.asSlice(address, bytes).toArray(ValueLayout.JAVA_BYTE);
    }

    /** A cheap 8-byte check word for stress tests: written at the start (and end) of a block. */
    static long word(long address, long seed) {
        return (address * 0x9E3779B97F4A7C15L) ^ seed;
    }

    static void writeWords(long address, long bytes, long seed) {
        long w = word(address, seed);
        if (bytes >= 16) { // two words that do not overlap
            ALL.set(ValueLayout.JAVA_LONG_UNALIGNED, address, w);
            ALL.set(ValueLayout.JAVA_LONG_UNALIGNED, address + bytes - 8, ~w);
        } else {
            for (long i = 0; i < bytes; i++) {
                ALL.set(ValueLayout.JAVA_BYTE, address + i, (byte) (w >>> (8 * i) | 1));
            }
        }
    }

    static boolean wordsIntact(long address, long bytes, long seed) {
        long w = word(address, seed);
        if (bytes >= 16) { // two words that do not overlap
            return ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, address) == w
                    && ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, address + bytes - 8) == ~w;
        }
        for (long i = 0; i < bytes; i++) {
            if (ALL.get(ValueLayout.JAVA_BYTE, address + i) != (byte) (w >>> (8 * i) | 1)) {
                return false;
            }
        }
        return true;
    }
}
