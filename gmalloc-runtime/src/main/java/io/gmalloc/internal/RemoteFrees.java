package io.gmalloc.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Blocks of one slab freed by threads other than its owner (mimalloc's "thread-delayed free"), waiting for the
 * owner to take them back. Created the first time a slab sees a remote free, so a slab that never does costs
 * nothing.
 *
 * <p>Memory layout: {@code bits} has one bit per block of the slab (set = freed remotely, not yet drained);
 * {@code summary} has one bit per word of {@code bits} (set = that word may be non-zero), so the owner drains
 * without scanning the whole bitmap.
 *
 * <p>Concurrency: every access to {@code bits}, {@code summary} and {@code pending} is atomic (VarHandle
 * CAS/getAndBitwise*), because any number of freeing threads race with one draining owner. Setting a bit that is
 * already set is how a remote double free is caught without making the owner's fast path atomic.
 */
final class RemoteFrees {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle PENDING;

    static {
        try {
            PENDING = MethodHandles.lookup().findVarHandle(RemoteFrees.class, "pending", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One bit per block; any thread sets (CAS), the owner clears. */
    private final long[] bits;

    /** One bit per word of {@link #bits}; set by the thread that made the word non-zero, cleared by the owner. */
    private final long[] summary;

    /** Blocks set in {@link #bits}: for stats. Any thread, atomic. */
    @SuppressWarnings("unused") // accessed through PENDING
    private volatile int pending;

    RemoteFrees(int blockCount) {
        int words = (blockCount + 63) >>> 6;
        this.bits = new long[words];
        this.summary = new long[(words + 63) >>> 6];
    }

    /** Whether the block is waiting here. Any thread; a racy but atomic read. */
    boolean contains(int word, long mask) {
        return ((long) LONGS.getOpaque(bits, word) & mask) != 0;
    }

    /**
     * Records a remote free.
     *
     * @return {@code false} when the block was already recorded (a double free); nothing changed then
     */
    boolean claim(int word, long mask) {
        long before = (long) LONGS.getAndBitwiseOr(bits, word, mask);
        if ((before & mask) != 0) {
            return false;
        }
        if (before == 0) {
            LONGS.getAndBitwiseOr(summary, word >>> 6, 1L << word);
        }
        PENDING.getAndAdd(this, 1);
        return true;
    }

    /** Blocks waiting; approximate while threads free. */
    int pending() {
        return (int) PENDING.getOpaque(this);
    }

    /**
     * Moves every waiting block into the owner's free bitmap. Owner only.
     *
     * <p>The free bit is set <em>before</em> the remote bit is cleared: a thread that frees the same block again
     * after the clear then sees it free and reports a double free, so a block never becomes free twice.
     *
     * @return the number of blocks that became free
     */
    int drainInto(Slab slab) {
        long[] freeBits = slab.freeBits;
        int taken = 0;
        int freed = 0;
        for (int s = 0; s < summary.length; s++) {
            long words = (long) LONGS.getAndSet(summary, s, 0L);
            while (words != 0) {
                int word = (s << 6) | Long.numberOfTrailingZeros(words);
                words &= words - 1;
                long claimed;
                while ((claimed = (long) LONGS.getVolatile(bits, word)) != 0) {
                    // A bit already free here is a double free that raced the owner's own free: free it once.
                    freed += Long.bitCount(claimed & ~freeBits[word]);
                    freeBits[word] |= claimed;
                    LONGS.getAndBitwiseAnd(bits, word, ~claimed);
                    taken += Long.bitCount(claimed);
                }
                if (word < slab.cursor) {
                    slab.cursor = word;
                }
            }
        }
        if (taken != 0) {
            PENDING.getAndAdd(this, -taken);
        }
        return freed;
    }
}
