package io.gmalloc.internal;

import io.gmalloc.InvalidFreeException.Reason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One arena of equal blocks (the seed's {@code Arena}; not called Arena, which is {@code java.lang.foreign.Arena}).
 *
 * <p>Memory layout: {@code [base, base + bytes)} is one mmap'ed range aligned to {@link SlabRegistry#CHUNK_BYTES}.
 * Block {@code i} is {@code [base + i * stride, base + (i + 1) * stride)} for {@code i < blockCount}; the tail
 * after the last block is unused. There is no header anywhere in it: all metadata lives on the Java heap, here.
 *
 * <p>Metadata: {@link #freeBits} has one bit per block, set = free. It is the seed's free stack and the
 * allocation bitmap in one: allocation takes the lowest set bit at {@link #cursor}, a free sets the bit back, and a
 * bit already set on free is a double free. 1 bit per 8-byte block is 1.6%; a slab that sees remote frees adds
 * another 1.6% in {@link RemoteFrees}.
 *
 * <p>Zeroing: blocks at index {@code >= fresh} have never been handed out and still hold the kernel's zeros;
 * blocks below are zeroed when they are handed out again.
 *
 * <p>Ownership: the owner (a platform thread's heap, or a virtual-thread stripe while its lock is held) uses the
 * plain fields without synchronisation. Other threads only read {@link #freeBits} (opaque) to validate and put
 * their frees into {@link #remote}.
 */
final class Slab {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle REMOTE;

    static {
        try {
            REMOTE = MethodHandles.lookup().findVarHandle(Slab.class, "remote", RemoteFrees.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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

    /** One bit per block, set = free. Owner: plain reads and writes; others: opaque reads only. */
    final long[] freeBits;

    /** Word of {@link #freeBits} to allocate from; every word below it is zero. Owner only. */
    int cursor;

    /** Blocks handed out and not yet back in {@link #freeBits} (remote frees count until drained). Owner only. */
    int used;

    /** Blocks at this index and above have never been handed out, so they are still zero. Owner only. */
    int fresh;

    /** {@code true} while the slab has no free block and is not in its Arenarray's available list. Owner only. */
    boolean full;

    /** {@code true} while the slab is its heap's current one for the bucket (it is never retired then). Owner only. */
    boolean current;

    /** The heap allowed to use the plain fields; {@link Heap#NONE} while pooled or orphaned. Set by {@link #own}. */
    Heap owner;

    /** {@code owner.thread}, copied so the free fast path needs one load less; null for stripes and the pool. */
    Thread ownerThread;

    /** The Arenarray to tell about remote frees. Volatile: re-pointed when another heap adopts the slab. */
    volatile Arenarray home;

    /**
     * Remote frees, created on the first one: CAS from null, then never changed. Plain reads are enough (the
     * owner's fast path reads it on every free): a reader sees null or a fully built object (final fields).
     */
    private RemoteFrees remote;

    private Slab() {
        this.base = 0;
        this.bytes = 0;
        this.bucket = null;
        this.stride = 1;
        this.blockCount = 0;
        this.magic = 0;
        this.shift = 0;
        this.freeBits = new long[1];
        own(Heap.NONE);
    }

    /**
     * Formats {@code bytes} bytes at {@code base} into blocks of a bucket.
     *
     * @param dirtyBytes bytes at the start that may be non-zero (0 for memory fresh from the OS)
     */
    Slab(long base, long bytes, Bucket bucket, long dirtyBytes, Heap owner, Arenarray home) {
        this.base = base;
        this.bytes = bytes;
        this.bucket = bucket;
        this.stride = bucket.stride;
        this.blockCount = (int) (bytes / stride);
        int offsetBits = 64 - Long.numberOfLeadingZeros(bytes - 1);
        int strideBits = 64 - Long.numberOfLeadingZeros(stride - 1);
        this.shift = offsetBits + strideBits;
        this.magic = ((1L << shift) + stride - 1) / stride;
        this.freeBits = new long[(blockCount + 63) >>> 6];
        for (int i = 0; i < blockCount >>> 6; i++) {
            freeBits[i] = -1L;
        }
        if ((blockCount & 63) != 0) {
            freeBits[blockCount >>> 6] = (1L << blockCount) - 1;
        }
        this.fresh = (int) Math.min(blockCount, (dirtyBytes + stride - 1) / stride);
        own(owner);
        this.home = home;
    }

    /** Hands the slab to a heap (or to {@link Heap#NONE}). By the current owner, or the pool under its lock. */
    void own(Heap heap) {
        this.owner = heap;
        this.ownerThread = heap.thread;
    }

    /** Address of block {@code index}. */
    long blockAddress(int index) {
        return base + index * stride;
    }

    /**
     * Returns the index of the block starting at {@code address}, or {@code -1} when {@code address} is inside a
     * block or in the unused tail. {@code address} must lie in {@code [base, base + bytes)}.
     */
    int blockIndex(long address) {
        long offset = address - base;
        long index = (offset * magic) >>> shift;
        return index < blockCount && index * stride == offset ? (int) index : -1;
    }

    /** {@link #blockIndex}, or an {@code INTERIOR} invalid free when {@code address} is not a block start. */
    private int blockToFree(long address) {
        int index = blockIndex(address);
        if (index < 0) {
            throw Errors.invalidFree(address, Reason.INTERIOR, this);
        }
        return index;
    }

    /** Index of the block containing {@code address}, or {@code -1} for the unused tail. */
    int containingBlock(long address) {
        long index = ((address - base) * magic) >>> shift;
        return index < blockCount ? (int) index : -1;
    }

    /** Whether block {@code index} is handed out. Any thread: racy, exact for blocks the caller owns. */
    boolean isLive(int index) {
        long mask = 1L << index;
        if (((long) LONGS.getOpaque(freeBits, index >>> 6) & mask) != 0) {
            return false;
        }
        RemoteFrees r = remote;
        return r == null || !r.contains(index >>> 6, mask);
    }

    /**
     * Scans forward from {@link #cursor} for a free block. Owner only.
     *
     * @return {@code true} with {@code cursor} on a non-zero word, {@code false} when the slab is full
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
     * Frees a block of this slab in the owner thread.
     *
     * @return {@code true} when the Arenarray has to look at the slab (it was full, or is now empty and not the
     *     current slab)
     * @throws io.gmalloc.InvalidFreeException for an interior pointer or a double free; nothing changed then
     */
    boolean freeLocal(long address) {
        int index = blockToFree(address);
        int word = index >>> 6;
        long mask = 1L << index;
        long bits = freeBits[word];
        if ((bits & mask) != 0 || remotelyFreed(word, mask)) {
            throw Errors.invalidFree(address, Reason.DOUBLE_FREE, this);
        }
        if (Options.CHECKED) {
            Memory.poison(address, stride);
        }
        freeBits[word] = bits | mask;
        if (word < cursor) {
            cursor = word;
        }
        return --used == 0 & !current | full;
    }

    private boolean remotelyFreed(int word, long mask) {
        RemoteFrees r = remote;
        return r != null && r.contains(word, mask);
    }

    /**
     * Frees a block of this slab from a thread that does not own it: records it in {@link RemoteFrees} and tells
     * the home Arenarray. The block's memory is not touched (the owner zeroes it when it hands it out again).
     *
     * @throws io.gmalloc.InvalidFreeException for an interior pointer or a double free; nothing changed then
     */
    void freeRemote(long address) {
        int index = blockToFree(address);
        int word = index >>> 6;
        long mask = 1L << index;
        RemoteFrees r = remoteFrees();
        if (((long) LONGS.getOpaque(freeBits, word) & mask) != 0 || r.contains(word, mask)) {
            throw Errors.invalidFree(address, Reason.DOUBLE_FREE, this);
        }
        if (Options.CHECKED) {
            Memory.poison(address, stride);
        }
        if (!r.claim(word, mask)) {
            throw Errors.invalidFree(address, Reason.DOUBLE_FREE, this);
        }
        // No re-check of freeBits here: the owner may already have drained this very claim. A double free
        // that races the owner's own free of the same block in the same nanoseconds is the one case not
        // reported; the drain then frees the block once (see RemoteFrees.drainInto).
        home.remoteFreed();
    }

    private RemoteFrees remoteFrees() {
        RemoteFrees r = remote;
        if (r == null) {
            RemoteFrees created = new RemoteFrees(blockCount);
            r = REMOTE.compareAndSet(this, null, created) ? created : (RemoteFrees) REMOTE.getVolatile(this);
        }
        return r;
    }

    /** Takes back blocks other threads freed. Owner only. */
    void drainRemote() {
        RemoteFrees r = remote;
        if (r != null && r.pending() != 0) {
            used -= r.drainInto(this);
        }
    }

    /** Blocks waiting in {@link RemoteFrees}; any thread, approximate. */
    int remotePending() {
        RemoteFrees r = remote;
        return r == null ? 0 : r.pending();
    }

    /** Blocks handed out, as seen from any thread (approximate while the owner runs). */
    long liveBlocks() {
        return Math.max(0, used - remotePending());
    }

    /** Bytes this slab has touched: every block ever handed out, rounded up to pages. */
    long committedBytes() {
        return Math.min(bytes, Bucket.roundUp(fresh * stride, 4096));
    }

    @Override
    public String toString() {
        return "slab [0x" + Long.toHexString(base) + ", 0x" + Long.toHexString(base + bytes) + ") of " + bucket;
    }
}
