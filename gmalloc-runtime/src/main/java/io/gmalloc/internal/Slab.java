package io.gmalloc.internal;

import io.gmalloc.InvalidFreeException.Reason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * One arena of equal blocks (the seed's {@code Arena}; not called Arena, which is {@code java.lang.foreign.Arena}).
 *
 * <p>Memory layout: {@code [base, base + bytes)} is one mapped range aligned to {@link SlabRegistry#CHUNK_BYTES}.
 * Block {@code i} is {@code [base + i * stride, base + (i + 1) * stride)} for {@code i < blockCount}; the tail
 * after the last block is unused. There is no header anywhere in it: all metadata lives on the Java heap, here.
 *
 * <p>Metadata, one bit per block in each of three bitmaps; a block is in at most one of them, and live when in
 * none:
 *
 * <ul>
 *   <li>{@link #freeBits} (F): free and ready to hand out. Allocation takes the lowest set bit at {@link #cursor}.
 *   <li>{@link #localFrees} (L): freed by the owner since the last {@link #reclaim}. A local free never writes the
 *       word the next allocation reads, and a block freed locally cannot be handed out again before the owner's
 *       slow path has checked that no remote free of it is in flight.
 *   <li>{@link RemoteFrees} (R): claimed by other threads (atomic), created on the first remote free.
 * </ul>
 *
 * Two owner bitmaps cost 2 bits per block: 3.1% of an 8-byte block, 1.6% of a 16-byte one.
 *
 * <p>{@link #reclaim} (owner, slow path) moves R and L into F. It writes F first (release) and clears R and L
 * after, so every reader checks in the reverse order, R, then L, then F (acquire): a reader racing a reclaim sees
 * the block in one of them. A remote free counts itself in {@link #inFlight} from before its check until its
 * claim is published; {@code reclaim} does nothing while that count is not zero (after a full fence that orders
 * the owner's plain local frees before its read), so a remote free that checked a block as live can never land on
 * the block's next life.
 *
 * <p>Fast frees: while the slab is its owner thread's current one and no remote free is pending or in flight,
 * {@link #fastOwner} is that thread and its frees take {@link #freeFast}, which skips R and the Arenarray. A
 * remote free clears the field after counting itself in {@link #inFlight}, the owner sets it only after reading
 * that count as zero ({@link #allowFastFrees}), so no owner free after a remote one can miss the R bit. The
 * reclaim argument above is unchanged: a fast free writes only L.
 *
 * <p>Counting: a current slab keeps no count of its live blocks (allocation and fast frees would pay for it on
 * every call); {@link #used()} takes it from the bitmaps, and a slab that stops being current counts once and
 * keeps the count exact from then on ({@link #leaveCurrent}).
 *
 * <p>Zeroing and high-water mark: blocks at index {@code >= fresh} have never been handed out and still hold the
 * kernel's zeros (a reused mapping is zeroed when the slab is formatted); blocks below are zeroed when they are
 * handed out again. A block start at or past {@code fresh} was never handed out: freeing it is {@code NOT_OWNED}.
 *
 * <p>Ownership: the owner (a heap's platform thread, a stripe's lock holder, or the pool under its lock) uses the
 * plain fields; other threads read the bitmaps with acquire loads and write only {@link RemoteFrees} and
 * {@link #inFlight}.
 */
final class Slab {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle REMOTE;
    private static final VarHandle IN_FLIGHT;
    private static final VarHandle FAST_OWNER;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            REMOTE = lookup.findVarHandle(Slab.class, "remote", RemoteFrees.class);
            FAST_OWNER = lookup.findVarHandle(Slab.class, "fastOwner", Thread.class);
            IN_FLIGHT = lookup.findVarHandle(Slab.class, "inFlight", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@link #state}: in no list of a heap (pooled, orphaned, or just created). */
    static final byte DETACHED = 0;

    /** {@link #state}: its heap's current slab for the bucket; in no list, never retired. */
    static final byte CURRENT = 1;

    /** {@link #state}: in its Arenarray's available list, exactly once. */
    static final byte AVAILABLE = 2;

    /** {@link #state}: owned, not current, in no list: no free block was found the last time it was looked at. */
    static final byte FULL = 3;

    /** How long {@link #reclaim} waits for remote frees in flight before it leaves the slab for later. */
    private static final int RECLAIM_SPINS = 64;

    /** A slab with no free block: every heap's starting point, so the fast path needs no null check. */
    static final Slab EMPTY = new Slab();

    /** First byte. */
    final long base;

    /** Length of the mapping, a multiple of the chunk size. */
    final long bytes;

    /** The bucket whose blocks this slab holds. */
    final Bucket bucket;

    /** Bytes per block (copied from the bucket: one load less on the fast path). */
    final long stride;

    /** Number of blocks. */
    final int blockCount;

    /** {@code (offset * magic) >>> shift == offset / stride} for every offset inside the slab: no division. */
    private final long magic;

    private final int shift;

    /** F: one bit per block, set = free to hand out. Owner: plain; {@link #reclaim} releases; others acquire. */
    final long[] freeBits;

    /** L: one bit per block, set = freed by the owner, not yet reclaimed. Owner: plain; others acquire. */
    final long[] localFrees;

    /** Lowest and highest word of {@link #localFrees} that may be non-zero. Owner only. */
    private int localLow = Integer.MAX_VALUE;

    private int localHigh = -1;

    /** Word of {@link #freeBits} to allocate from; every word below it is zero. Owner only. */
    int cursor;

    /**
     * Blocks neither in F nor in L, while the slab is not {@link #CURRENT}. Allocation never counts (it only takes
     * from a current slab), nor does a fast free: a slab that stops being current counts its bitmaps once
     * ({@link #leaveCurrent}), and {@link #used()} counts them for a current one. Owner only.
     */
    private int used;

    /** High-water mark: blocks at this index and above were never handed out (and are zero). Owner writes. */
    int fresh;

    /** Where the slab is: {@link #DETACHED}, {@link #CURRENT}, {@link #AVAILABLE} or {@link #FULL}. Owner only. */
    byte state;

    /** The heap allowed to use the plain fields; {@link Heap#NONE} while pooled or orphaned. Set by {@link #own}. */
    Heap owner;

    /** {@code owner.thread}, copied so the free fast path needs one load less; null for stripes and the pool. */
    Thread ownerThread;

    /**
     * The owner thread while its local frees may take {@link #freeFast}: set when the slab becomes its heap's
     * current one with no remote free pending or in flight ({@link #allowFastFrees}), cleared when it stops being
     * current, changes owner, or sees a remote free. A fast free needs neither the remote bitmap nor the
     * Arenarray: a current slab is never queued or retired by a free. Never set in checked mode (every free claims
     * atomically there). The owner reads it plain; both of its cross-thread writes are volatile (see
     * {@link #allowFastFrees}).
     */
    Thread fastOwner;

    /** The Arenarray to tell about remote frees. Volatile: re-pointed when another heap adopts the slab. */
    volatile Arenarray home;

    /**
     * Remote frees, created on the first one: CAS from null, then never changed. Plain reads are enough (the
     * owner's fast path reads it on every free): a reader sees null or a fully built object (final fields).
     */
    private RemoteFrees remote;

    /** Remote frees between their check and the publication of their claim. Any thread, atomic. */
    @SuppressWarnings("unused") // accessed through IN_FLIGHT
    private volatile int inFlight;

    private Slab() {
        this.base = 0;
        this.bytes = 0;
        this.bucket = null;
        this.stride = 1;
        this.blockCount = 0;
        this.magic = 0;
        this.shift = 0;
        this.freeBits = new long[1];
        this.localFrees = new long[1];
        own(Heap.NONE);
    }

    /** Formats {@code bytes} bytes of zeroed memory at {@code base} into blocks of a bucket. */
    Slab(long base, long bytes, Bucket bucket, Heap owner, Arenarray home) {
        this.base = base;
        this.bytes = bytes;
        this.bucket = bucket;
        this.stride = bucket.stride;
        this.blockCount = (int) (bytes / stride);
        int offsetBits = 64 - Long.numberOfLeadingZeros(bytes - 1);
        int strideBits = 64 - Long.numberOfLeadingZeros(stride - 1);
        this.shift = offsetBits + strideBits;
        this.magic = ((1L << shift) + stride - 1) / stride;
        int words = (blockCount + 63) >>> 6;
        this.freeBits = new long[words];
        this.localFrees = new long[words];
        // A fill, not a loop: a 4 MiB slab of 8-byte blocks has 8192 words, and a loop run in the interpreter by
        // the first few refills got this constructor compiled four times (OSR and normal, C1 and C2).
        Arrays.fill(freeBits, 0, blockCount >>> 6, -1L);
        if ((blockCount & 63) != 0) {
            freeBits[blockCount >>> 6] = (1L << blockCount) - 1;
        }
        own(owner);
        this.home = home;
    }

    /** Hands the slab to a heap (or to {@link Heap#NONE}). By the current owner, or the pool under its lock. */
    void own(Heap heap) {
        this.owner = heap;
        this.ownerThread = heap.thread;
        this.fastOwner = null;
    }

    /** Blocks neither in F nor in L, on the slow path: counted by popcount while current. Owner only. */
    int used() {
        return state == CURRENT ? countUsed() : used;
    }

    /** {@link #used()} by popcount of F and L (disjoint). Exact for the owner; approximate from another thread. */
    private int countUsed() {
        long[] free = freeBits;
        long[] local = localFrees;
        int count = blockCount;
        for (int w = 0; w < free.length; w++) {
            count -= Long.bitCount(free[w] | local[w]);
        }
        return count;
    }

    /**
     * The slab stops being its heap's current one (it is {@link #FULL} now, or detached next): counts
     * {@link #used} from the bitmaps. Owner only.
     */
    void leaveCurrent() {
        if (state == CURRENT) {
            used = countUsed();
            state = FULL;
        }
    }

    /**
     * Lets the owner thread's frees take {@link #freeFast} from now on, unless a remote free is pending or in
     * flight: a local free must then check the remote bitmap (a block freed remotely and then by the owner is a
     * double free). Owner only, when the slab becomes current.
     *
     * <p>Against a remote free starting meanwhile (Dekker, every access volatile): we write the field, then read
     * {@link #inFlight}; a remote free increments {@code inFlight}, then clears the field. Either we see it in
     * flight and clear the field ourselves, or its clear comes after our write: no remote free can publish a claim
     * while the field says fast.
     */
    void allowFastFrees() {
        if (Options.CHECKED || ownerThread == null) {
            return;
        }
        FAST_OWNER.setVolatile(this, ownerThread);
        if ((int) IN_FLIGHT.getVolatile(this) != 0 || remotePending() != 0) {
            FAST_OWNER.setVolatile(this, (Thread) null);
        }
    }

    /**
     * The owner's free of a block of its current slab, when {@link #fastOwner} says so: the checks of
     * {@link #freeLocal} except the remote bitmap (none is pending, see {@link #allowFastFrees}), then L.
     *
     * @throws io.gmalloc.InvalidFreeException as {@link #freeLocal}; nothing changed then
     */
    void freeFast(long address) {
        int index = blockIndex(address);
        if (index < 0 || index >= fresh || ((freeBits[index >>> 6] | localFrees[index >>> 6]) & (1L << index)) != 0) {
            throw refused(address);
        }
        int word = index >>> 6;
        localFrees[word] |= 1L << index;
        if (word < localLow) {
            localLow = word;
        }
        if (word > localHigh) {
            localHigh = word;
        }
    }

    /** The exception for a free {@link #freeFast} refuses, out of line. */
    private io.gmalloc.InvalidFreeException refused(long address) {
        int index = blockIndex(address);
        return Errors.invalidFree(address, refuseLocal(address, index, index >>> 6, 1L << index), this);
    }

    /** Address of block {@code index}. */
    long blockAddress(int index) {
        return base + index * stride;
    }

    /**
     * Returns the index of the block starting at {@code address}, or {@code -1} when {@code address} is inside a
     * block, in the unused tail, or anywhere outside the slab: a result {@code i >= 0} means exactly
     * {@code address == base + i * stride} with {@code i < blockCount}.
     */
    int blockIndex(long address) {
        long offset = address - base;
        long index = (offset * magic) >>> shift;
        return index < blockCount && index * stride == offset ? (int) index : -1;
    }

    /**
     * Why an address of this slab that is no block start is refused: {@code INTERIOR} inside a block,
     * {@code NOT_OWNED} in the unused tail past the last block, where no block ever was.
     */
    Reason notABlockStart(long address) {
        return containingBlock(address) < 0 ? Reason.NOT_OWNED : Reason.INTERIOR;
    }

    /** Whether {@code address} lies in {@code [base, base + bytes)}, the tail included. */
    boolean contains(long address) {
        long offset = address - base;
        return offset >= 0 && offset < bytes;
    }

    /**
     * Index of the block containing {@code address}, or {@code -1} for the unused tail and for any address outside
     * the slab. (A registry lookup racing the placement of its flat window may return a slab that does not contain
     * the address, see {@link SlabRegistry#lookup}: this and {@link #blockIndex} answer -1 for it, so every caller
     * refuses the address instead of validating it against another slab's block.)
     */
    int containingBlock(long address) {
        if (!contains(address)) {
            return -1;
        }
        long index = ((address - base) * magic) >>> shift;
        return index < blockCount ? (int) index : -1;
    }

    /** Whether block {@code index} was ever handed out (it lies below the high-water mark). Any thread. */
    boolean everHandedOut(int index) {
        return index < fresh;
    }

    /**
     * Whether block {@code index} is handed out. Any thread: reads R, L, then F, the reverse of the order in which
     * {@link #reclaim} writes them, so a reclaim in between cannot make a freed block look live.
     */
    boolean isLive(int index) {
        if (index >= fresh) {
            return false;
        }
        int word = index >>> 6;
        long mask = 1L << index;
        RemoteFrees r = remote;
        if (r != null && r.contains(word, mask)) {
            return false;
        }
        return (((long) LONGS.getAcquire(localFrees, word) | (long) LONGS.getAcquire(freeBits, word)) & mask) == 0;
    }

    /**
     * Scans forward from {@link #cursor} for a free block in F. Owner only.
     *
     * @return {@code true} with {@code cursor} on a non-zero word, {@code false} when F has none
     */
    boolean findFree() {
        long[] bits = freeBits;
        for (int w = cursor; w < bits.length; w++) {
            if (bits[w] != 0) {
                cursor = w;
                return true;
            }
        }
        cursor = bits.length - 1;
        return false;
    }

    /**
     * Takes back this slab's frees (if any wait) and then looks for a free block from the cursor: freed blocks are
     * handed out again before fresh ones, so a program that frees and allocates keeps a small footprint. Owner only.
     *
     * @return {@code true} with {@code cursor} on a non-zero word of F
     */
    boolean findOrReclaim() {
        if (localHigh >= 0 || remotePending() != 0) {
            reclaim(); // may wait for an in-flight remote free and give up: then fresh blocks serve meanwhile
        }
        return findFree();
    }

    /**
     * Why the owner's free of {@code address} must be refused, or null to go ahead. Owner only.
     *
     * @return the reason, or null when {@code address} is a live block of this slab
     */
    private Reason refuseLocal(long address, int index, int word, long mask) {
        if (index < 0) {
            return notABlockStart(address);
        }
        if (index >= fresh) {
            return Reason.NOT_OWNED;
        }
        RemoteFrees r = remote;
        if (((freeBits[word] | localFrees[word]) & mask) != 0 || (r != null && r.contains(word, mask))) {
            return Reason.DOUBLE_FREE;
        }
        return null;
    }

    /**
     * Frees a block of this slab in the owner thread: sets its bit in L (plain writes; in checked mode the free
     * first claims the block in R, atomically, so a racing free of the same block by another thread loses).
     *
     * @return {@code true} when the Arenarray has to look at the slab (it was full, or it is empty and not current)
     * @throws io.gmalloc.InvalidFreeException for an interior pointer, a block never handed out or a double free;
     *     nothing changed then
     */
    boolean freeLocal(long address) {
        int index = blockIndex(address);
        int word = index >>> 6;
        long mask = 1L << index;
        Reason refused = refuseLocal(address, index, word, mask);
        if (refused != null) {
            throw Errors.invalidFree(address, refused, this);
        }
        if (Options.CHECKED) {
            RemoteFrees r = remoteFrees();
            if (!r.claim(word, mask)) {
                throw Errors.invalidFree(address, Reason.DOUBLE_FREE, this); // a racing free won
            }
            Memory.poison(address, stride);
            localFrees[word] |= mask;
            r.unclaim(word, mask); // after L is set (release): a reader seeing R clear sees L
        } else {
            localFrees[word] |= mask;
        }
        if (word < localLow) {
            localLow = word;
        }
        if (word > localHigh) {
            localHigh = word;
        }
        return state != CURRENT && (--used == 0 || state == FULL); // a current slab's count is not kept
    }

    /**
     * Frees a block of this slab from a thread that does not own it: claims it in {@link RemoteFrees} and tells
     * the home Arenarray. Memory is touched only in checked mode (poison), after the claim succeeded: the slab
     * cannot be retired while the claim is in flight.
     *
     * @throws io.gmalloc.InvalidFreeException for an interior pointer, a block never handed out or a double free;
     *     nothing changed then
     */
    void freeRemote(long address) {
        freeRemote(address, 0, 0);
    }

    /**
     * {@link #freeRemote(long)} that first copies {@code bytes} of the block to {@code to} ({@code grealloc}'s
     * move), inside the in-flight window after the claim succeeded: the slab cannot be retired, and its memory
     * unmapped, while the copy reads it. Nothing is copied when the free is refused.
     */
    void freeRemote(long address, long to, long bytes) {
        int index = blockIndex(address);
        if (index < 0) {
            throw Errors.invalidFree(address, notABlockStart(address), this);
        }
        Reason refused;
        IN_FLIGHT.getAndAdd(this, 1);
        try {
            if (fastOwner != null) {
                FAST_OWNER.setVolatile(this, (Thread) null); // after the increment: see allowFastFrees
            }
            refused = claimRemote(address, index, to, bytes);
        } finally {
            IN_FLIGHT.getAndAdd(this, -1);
        }
        if (refused != null) {
            throw Errors.invalidFree(address, refused, this); // built outside the in-flight window: it is slow
        }
        home.remoteFreed();
    }

    /**
     * Zeroes {@code bytes} of the block at {@code address} from {@code offset} on ({@code grealloc}'s shrink in
     * place), if the block is still live. Any thread: the check and the stores run inside the in-flight window
     * of {@link #freeRemote}, so a free racing from the owner cannot be reclaimed, nor the slab retired and its
     * memory unmapped, while the stores run.
     *
     * @return {@code false} when the block is no longer live (nothing written)
     */
    boolean zeroWhileLive(long address, long offset, long bytes) {
        int index = blockIndex(address);
        IN_FLIGHT.getAndAdd(this, 1);
        try {
            if (index < 0 || !isLive(index)) {
                return false;
            }
            Memory.zero(address + offset, bytes);
            return true;
        } finally {
            IN_FLIGHT.getAndAdd(this, -1);
        }
    }

    /** The claim of a remote free, inside the in-flight window: null when it took effect. */
    private Reason claimRemote(long address, int index, long to, long bytes) {
        if (index >= fresh) {
            return Reason.NOT_OWNED;
        }
        int word = index >>> 6;
        long mask = 1L << index;
        RemoteFrees r = remoteFrees();
        if (r.contains(word, mask) || ownerFreed(word, mask)) {
            return Reason.DOUBLE_FREE;
        }
        if (!r.claim(word, mask)) {
            return Reason.DOUBLE_FREE; // another remote free of the block won the race
        }
        if (ownerFreed(word, mask)) {
            // The owner freed it between our check and our claim. No reclaim can have run since (we are in flight),
            // so the R bit is still ours to take back.
            r.unclaim(word, mask);
            return Reason.DOUBLE_FREE;
        }
        if (bytes > 0) {
            Memory.copy(address, to, bytes); // claimed and in flight: still this block's memory, still mapped
        }
        if (Options.CHECKED) {
            Memory.poison(address, stride);
        }
        r.publish(word, mask);
        return null;
    }

    /** Whether the block is in L or F: read L first, as {@link #isLive} does. */
    private boolean ownerFreed(int word, long mask) {
        return (((long) LONGS.getAcquire(localFrees, word) | (long) LONGS.getAcquire(freeBits, word)) & mask) != 0;
    }

    private RemoteFrees remoteFrees() {
        RemoteFrees r = remote;
        if (r == null) {
            RemoteFrees created = new RemoteFrees(blockCount);
            r = REMOTE.compareAndSet(this, null, created) ? created : (RemoteFrees) REMOTE.getVolatile(this);
        }
        return r;
    }

    /**
     * Moves remote and local frees into F, unless a remote free is in flight. Owner only (slow path).
     *
     * <p>A block in R and also in L or F was freed twice by racing threads: it becomes free once, and the extra
     * free is counted as an invalid free (default mode; checked mode refuses it when it happens).
     *
     * @return {@code false} when a remote free was in flight and nothing changed
     */
    boolean reclaim() {
        VarHandle.fullFence(); // our plain L stores before the in-flight read; pairs with the remote's getAndAdd
        for (int spins = 0; (int) IN_FLIGHT.getVolatile(this) != 0; spins++) {
            if (spins == RECLAIM_SPINS) {
                return false; // a remote free stalled in its window: leave the slab for a later slow path
            }
            Thread.onSpinWait(); // a remote free's window is a few atomics long
        }
        RemoteFrees r = remote;
        if (r != null && r.pending() != 0) {
            used -= r.drainInto(this); // meaningless while current (counted again when it leaves)
        }
        long[] free = freeBits;
        long[] local = localFrees;
        int low = Integer.MAX_VALUE;
        for (int w = localLow; w <= localHigh; w++) {
            long bits = local[w];
            if (bits != 0) {
                LONGS.setRelease(free, w, free[w] | bits);
                LONGS.setRelease(local, w, 0L);
                low = Math.min(low, w);
            }
        }
        localLow = Integer.MAX_VALUE;
        localHigh = -1;
        if (low < cursor) {
            cursor = low;
        }
        if (duplicates != 0) {
            int count = duplicates;
            duplicates = 0;
            Errors.countInvalidFrees(firstDuplicate, Reason.DOUBLE_FREE, count);
        }
        return true;
    }

    /** Racing double frees found by the drain in progress, and the address of the first. Owner only. */
    private int duplicates;

    private long firstDuplicate;

    /**
     * Remote frees that raced local ones, found by {@link RemoteFrees#drainInto}: noted, and counted by
     * {@link #reclaim} once the slab's state is complete again (reporting may allocate, and must not interrupt a
     * drain half done).
     */
    void duplicateFrees(int word, long bits) {
        if (duplicates == 0) {
            firstDuplicate = blockAddress((word << 6) | Long.numberOfTrailingZeros(bits));
        }
        duplicates += Long.bitCount(bits);
    }

    /** Lowers the cursor after a drain set bits in word {@code word} of F. Owner only. */
    void freedInWord(int word) {
        if (word < cursor) {
            cursor = word;
        }
    }

    /** Whether L may hold frees a {@link #reclaim} has not moved yet. Owner only. */
    boolean hasLocalFrees() {
        return localHigh >= 0;
    }

    /** Whether every block is in F (nothing live, nothing waiting in L or R). Owner only, after a reclaim. */
    boolean allFree() {
        return used() == 0 && localHigh < 0 && remotePending() == 0;
    }

    /** Blocks waiting in {@link RemoteFrees}; any thread, approximate. */
    int remotePending() {
        RemoteFrees r = remote;
        return r == null ? 0 : r.pending();
    }

    /** Blocks handed out, as seen from any thread (approximate while the owner runs). */
    long liveBlocks() {
        return Math.max(0, used() - remotePending());
    }

    /** Bytes this slab has touched: every block ever handed out, rounded up to pages. */
    long committedBytes() {
        return Math.min(bytes, Bucket.roundUp(fresh * stride, 4096));
    }

    /**
     * Checks the slab's bookkeeping against its bitmaps (the invariant walker). Owner only, with no remote frees
     * pending.
     *
     * @return null when consistent, else what is wrong
     */
    String inconsistency() {
        int free = 0;
        for (int w = 0; w < freeBits.length; w++) {
            if ((freeBits[w] & localFrees[w]) != 0) {
                return this + ": a block is both in F and in L (word " + w + ")";
            }
            free += Long.bitCount(freeBits[w] | localFrees[w]);
        }
        if (state != CURRENT && used != blockCount - free) {
            return this + ": used " + used + " but " + (blockCount - free) + " blocks are neither in F nor in L";
        }
        if (fresh > blockCount) {
            return this + ": high-water mark " + fresh + " past " + blockCount + " blocks";
        }
        for (int w = 0; w < cursor; w++) {
            if (freeBits[w] != 0) {
                return this + ": free block below the cursor word " + cursor;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "slab [0x" + Long.toHexString(base) + ", 0x" + Long.toHexString(base + bytes) + ") of " + bucket;
    }
}
