package io.gmalloc.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Blocks of one slab freed by threads other than its owner (mimalloc's "thread-delayed free"), waiting for the
 * owner to take them back. Created the first time a slab sees a remote free (or, in checked mode, any free), so a
 * slab that never does costs nothing.
 *
 * <p>Memory layout: {@code bits} has one bit per block of the slab (set = claimed, not yet drained);
 * {@code ready} has one bit per block too (set = the claim is published: its free took effect); {@code summary}
 * has one bit per word of {@code ready} (set = that word may be non-zero), so the owner drains without scanning
 * the whole bitmap. The owner drains only published claims: a claim still in its freeing thread may be taken back,
 * or be followed by the checked-mode poison of the block.
 *
 * <p>Concurrency: every access to {@code bits}, {@code summary} and {@code pending} is atomic (VarHandle
 * getAndBitwise*, volatile reads), because any number of freeing threads race with one draining owner. A claim is
 * a {@code getAndBitwiseOr}: of two racing frees of one block exactly one sees the bit clear. A claim is made in
 * three steps ({@link #claim}, then {@link #publish}, or {@link #unclaim} to take it back); the slab's in-flight
 * count keeps the owner from draining in between.
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

    /** One bit per block; any thread sets (atomic), the owner clears. */
    private final long[] bits;

    /** One bit per block: the published subset of {@link #bits}. Any thread sets, the owner clears. */
    private final long[] ready;

    /** One bit per word of {@link #ready}; set by the thread that published a claim there, cleared by the owner. */
    private final long[] summary;

    /** Published claims not yet drained: for stats and to skip empty drains. Any thread, atomic. */
    @SuppressWarnings("unused") // accessed through PENDING
    private volatile int pending;

    RemoteFrees(int blockCount) {
        int words = (blockCount + 63) >>> 6;
        this.bits = new long[words];
        this.ready = new long[words];
        this.summary = new long[(words + 63) >>> 6];
    }

    /** Whether the block is claimed here. Any thread; an acquire read (see {@link Slab#isLive}). */
    boolean contains(int word, long mask) {
        return ((long) LONGS.getAcquire(bits, word) & mask) != 0;
    }

    /**
     * Claims a block.
     *
     * @return {@code false} when the block was already claimed (a double free); nothing changed then
     */
    boolean claim(int word, long mask) {
        return ((long) LONGS.getAndBitwiseOr(bits, word, mask) & mask) == 0;
    }

    /** Takes back a claim that was not published. */
    void unclaim(int word, long mask) {
        LONGS.getAndBitwiseAnd(bits, word, ~mask);
    }

    /** Makes a claim visible to {@link #drainInto}: the free has taken effect. */
    void publish(int word, long mask) {
        // The summary bit only when the word was empty: a non-empty word's bit is set, or a drain that cleared it
        // has not read the word yet and will take this claim too.
        if ((long) LONGS.getAndBitwiseOr(ready, word, mask) == 0) {
            LONGS.getAndBitwiseOr(summary, word >>> 6, 1L << word);
        }
        PENDING.getAndAdd(this, 1);
    }

    /** Published claims waiting; approximate while threads free. */
    int pending() {
        return (int) PENDING.getOpaque(this);
    }

    /**
     * Moves every published claim into the slab's F. Owner only, with no remote free in flight.
     *
     * <p>F is written first (release), the claim bits are cleared after: a thread that checks the block in the
     * meantime reads R before F and sees it in one of them. A claimed block already in L or F was also freed by
     * the owner in the same moment (a racing double free): it stays free once and the extra free is counted.
     *
     * @return the number of blocks that became free
     */
    int drainInto(Slab slab) {
        long[] free = slab.freeBits;
        long[] local = slab.localFrees;
        int taken = 0;
        int freed = 0;
        for (int s = 0; s < summary.length; s++) {
            long words = (long) LONGS.getAndSet(summary, s, 0L);
            while (words != 0) {
                int word = (s << 6) | Long.numberOfTrailingZeros(words);
                words &= words - 1;
                long claimed = (long) LONGS.getAndSet(ready, word, 0L);
                if (claimed == 0) {
                    continue;
                }
                long duplicates = claimed & (free[word] | local[word]);
                if (duplicates != 0) {
                    slab.duplicateFrees(word, duplicates); // noted only: reported once the drain is complete
                }
                long fresh = claimed & ~duplicates;
                LONGS.setRelease(free, word, free[word] | fresh);
                LONGS.getAndBitwiseAnd(bits, word, ~claimed);
                freed += Long.bitCount(fresh);
                taken += Long.bitCount(claimed);
                slab.freedInWord(word);
            }
        }
        if (taken != 0) {
            PENDING.getAndAdd(this, -taken);
        }
        return freed;
    }
}
