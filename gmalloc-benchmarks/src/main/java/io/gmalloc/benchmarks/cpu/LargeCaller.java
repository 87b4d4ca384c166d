package io.gmalloc.benchmarks.cpu;

import io.gmalloc.GMalloc;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The gmalloc 8-byte pair inside a large caller: {@link #run} is one big interpreter-style method, a loop over
 * a program of op codes with a {@code switch} of 26 cases: 24 do other work through JDK code the JIT
 * inlines (hashing, {@code HashMap}, {@code ArrayList}, {@code CRC32}, {@code ByteBuffer}, heap
 * {@code MemorySegment} access, number formatting and parsing, {@code StringBuilder}, math), then the pair, then
 * the baseline's stand-in for it. The pair comes after all the other work, so when C2 reaches it most of the compile's inlining and node budgets are already spent: whether
 * the pair still inlines, and how fast it then is, is what this measures.
 *
 * <p>The program has {@code ops} pair ops and one other op after every fourth pair, cycling through all 24.
 * The baseline program is the same with every pair op replaced by a stand-in ({@code sum += i}); both run the
 * same compiled method. (program − baseline) ÷ pairs = the cost of one pair in the large caller.
 */
final class LargeCaller {
    static final int PAIR = 24;
    static final int STAND_IN = 25;
    private static final int OTHERS = 24;

    private final byte[] program;
    private final int pairs;
    private final int[] ints = new int[64];
    private final long[] longs = new long[64];
    private final Map<Integer, Integer> map = new HashMap<>();
    private final List<Integer> list = new ArrayList<>();
    private final CRC32 crc = new CRC32();
    private final ByteBuffer buffer = ByteBuffer.allocate(256);
    private final MemorySegment heapSegment = MemorySegment.ofArray(new long[32]);
    private final StringBuilder text = new StringBuilder();

    LargeCaller(int ops, boolean withPair) {
        this.pairs = ops;
        byte[] p = new byte[ops + ops / 4 + 1];
        int k = 0;
        int other = 0;
        for (int i = 0; i < ops; i++) {
            p[k++] = (byte) (withPair ? PAIR : STAND_IN);
            if (i % 4 == 3) {
                p[k++] = (byte) (other++ % OTHERS);
            }
        }
        this.program = Arrays.copyOf(p, k);
        for (int i = 0; i < 256; i++) {
            map.put(i, i * 31);
            list.add(i * 7);
        }
    }

    int pairs() {
        return pairs;
    }

    long run() {
        long sum = 1;
        byte[] prog = program;
        for (int i = 0; i < prog.length; i++) {
            switch (prog[i]) {
                case 0 -> sum += Long.hashCode(sum) ^ Integer.reverse(i);
                case 1 -> sum += Math.floorMod(sum, 1_000_003L) + Long.numberOfTrailingZeros(sum | 1);
                case 2 -> {
                    ints[i & 63] = (int) sum;
                    sum += Arrays.hashCode(ints);
                }
                case 3 -> sum += Long.toString(sum).length();
                case 4 -> sum += map.getOrDefault((int) (sum & 255), 0);
                case 5 -> sum += list.get((int) (sum & 255));
                case 6 -> {
                    crc.update((int) sum);
                    sum += crc.getValue();
                }
                case 7 -> {
                    buffer.putLong((int) (sum & 127) & ~7, sum);
                    sum += buffer.getInt((int) ((sum >>> 3) & 127) & ~3);
                }
                case 8 -> {
                    heapSegment.setAtIndex(ValueLayout.JAVA_LONG, sum & 31, sum);
                    sum += heapSegment.getAtIndex(ValueLayout.JAVA_LONG, (sum >>> 5) & 31);
                }
                case 9 -> sum += Integer.parseInt(Integer.toString((int) (sum & 0xFFFFF)));
                case 10 -> {
                    text.setLength(0);
                    text.append(sum).append('/').append(i);
                    sum += text.length() + text.charAt(0);
                }
                case 11 -> sum += (long) (Math.sqrt(sum & 0xFFFF) * 1000) + (long) Math.log1p(i);
                case 12 -> sum += Long.bitCount(sum) + Long.rotateLeft(sum, i & 63);
                case 13 -> {
                    longs[i & 63] = sum;
                    Arrays.fill(longs, 0, 8, sum >>> 1);
                    sum += longs[(int) (sum & 7)];
                }
                case 14 -> sum += Character.isLetterOrDigit((int) (sum & 0x7F)) ? 3 : 5;
                case 15 -> sum += Double.hashCode(sum * 0.5) + Float.floatToIntBits(i);
                case 16 -> sum += String.valueOf(i).hashCode();
                case 17 -> sum += Math.multiplyHigh(sum, 0x9E3779B97F4A7C15L) + Math.abs(i - 1000);
                case 18 -> {
                    int[] copy = Arrays.copyOf(ints, 16);
                    sum += copy[(int) (sum & 15)];
                }
                case 19 -> sum += Long.compareUnsigned(sum, i) + Long.divideUnsigned(sum, 7);
                case 20 -> sum += map.containsKey((int) (sum & 511)) ? 1 : 2;
                case 21 -> sum += Integer.toHexString(i).length() + Long.signum(sum);
                case 22 -> {
                    buffer.putDouble(8, sum);
                    sum += (long) buffer.getDouble(8);
                }
                case 23 -> sum += java.util.Objects.hash(i, (int) sum);
                case PAIR -> {
                    long p = GMalloc.gmalloc(8);
                    GMalloc.gfree(p);
                    sum += p;
                }
                case STAND_IN -> sum += i;
                default -> throw new IllegalStateException("op " + prog[i]);
            }
        }
        return sum;
    }
}
