package io.gmalloc.internal;

/**
 * The current slab of every general bucket of every thread heap, in one flat table indexed by thread slot and
 * class: entry {@code slot << 6 | cls}, where a thread's slot is its id modulo 4096 (its slot in {@link Heaps}).
 * The allocation fast path ({@link Allocation#allocSmall}) reads one entry and needs no heap object.
 *
 * <p>An entry is valid for the caller only when the slab's owner thread is the caller. That check is enough
 * because only the heap registered in a slot writes its row ({@link Heap#setCurrent}, plain writes, read back by
 * the same thread), and a dead thread's row is cleared before its slabs can be adopted ({@link Heap#detachAll},
 * under the pool's lock, which the adopter takes too). A thread sharing a slot with a live one, a stripe, or a
 * region never passes the check and allocates through its heap.
 *
 * <p>Memory: 4096 x 64 references, 1 MiB with compressed references, null until used.
 */
final class CurrentSlabs {
    private CurrentSlabs() {}

    /** Thread slots: ids modulo this. */
    static final int SLOTS = 1 << 12;

    /** log2 of a row's length: one entry per general bucket. */
    private static final int ROW_SHIFT = 6;

    private static final Slab[] TABLE = new Slab[SLOTS << ROW_SHIFT];

    /** A thread's slot. */
    static int slot(Thread thread) {
        return (int) thread.threadId() & (SLOTS - 1);
    }

    /** The entry of {@code thread} for general bucket {@code cls}: its current slab, a stale slab, or null. */
    static Slab get(Thread thread, int cls) {
        return TABLE[slot(thread) << ROW_SHIFT | cls];
    }

    /** Sets an entry of the row {@code slot}; by the heap registered there, or by whoever detaches it. */
    static void set(int slot, int cls, Slab slab) {
        TABLE[slot << ROW_SHIFT | cls] = slab;
    }
}
