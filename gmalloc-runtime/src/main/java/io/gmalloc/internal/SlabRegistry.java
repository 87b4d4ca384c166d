package io.gmalloc.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Address → slab, for frees without a per-block header: a flat table over one window of address space, in front
 * of a two-level radix table over all of it, both in 64 KiB chunks.
 *
 * <p>Two-level table (every slab, wherever it lies): {@code ROOT[address >>> 32]} is a leaf of 65 536 entries, one
 * per 64 KiB chunk of that 4 GiB range; an entry is the slab covering the chunk, or null. Every slab is aligned to
 * a chunk and a whole number of chunks long, so each chunk belongs to at most one slab. The table covers 48-bit
 * addresses (x86-64 and AArch64 user space); anything else is simply not ours. Leaves cost 256 KiB each and exist
 * only where gmalloc has mapped memory.
 *
 * <p>Flat window (the fast path of {@code gfree}): {@link #FLAT} has one entry per chunk of the
 * {@link #FLAT_BYTES} starting at {@link #flatBase}, a copy of the two-level entries for those chunks. A lookup
 * inside the window is one subtraction, one unsigned comparison with a constant and one load from a constant
 * array, instead of two dependent loads and a null check; measured, 0.5–1.1 ns off an 8-byte pair in C2, C1
 * within noise (docs/perf-findings.md, "Flat registry"). Nothing is reserved for it: the window is placed once,
 * around the first slab registered (the first slabs come from shared arenas, before the FFM linker exists, so no
 * mapping could be placed for it), and later slabs land in it because the OS hands out new mappings next to the
 * previous ones (Linux: downwards from the top of the mmap area, so most of the window lies below the first slab).
 * A slab outside the window still works, through the two-level table, but its free is slower than before the
 * window (0.9–1.9 ns per 8-byte pair when every lookup missed it).
 * The table costs 1 MiB of heap (compressed oops) from the first use on.
 *
 * <p>A lookup reads only these on-heap tables, never the memory at the address, so any long can be checked
 * safely: random values, addresses of other allocators, released slabs. The flat entries are null wherever no
 * slab is, and no slab lies at or past 2^48 or at a negative address, so the window answers null for those as the
 * two-level table does.
 *
 * <p>Concurrency: entries change under the pool's lock when slabs are mapped, formatted, or released, and are
 * written with release semantics; lookups are plain reads (a reader racing with a change sees the old or the
 * new slab, and both are safe to validate against). {@link #flatBase} is written once, under the lock, before any
 * flat entry: a reader that still sees the old value misses the window and finds the same slab in the two-level
 * table, which is always complete.
 */
final class SlabRegistry {
    private SlabRegistry() {}

    /** log2 of the chunk size. */
    static final int CHUNK_SHIFT = 16;

    /** Granularity of slabs: size and alignment. */
    static final long CHUNK_BYTES = 1L << CHUNK_SHIFT;

    /** Chunks in the flat window: 16 GiB of addresses, a 1 MiB table with compressed oops (2 MiB without). */
    static final int FLAT_CHUNKS = 1 << 18;

    /** Bytes of address space the flat window covers. */
    static final long FLAT_BYTES = (long) FLAT_CHUNKS << CHUNK_SHIFT;

    /** Part of the window above the first slab; the rest is below it, where later mappings go (top-down). */
    static final long FLAT_ABOVE_FIRST = 4L << 30;

    /** {@link #flatBase} before the first slab: any value works (every flat entry is null until then). */
    private static final long NO_WINDOW = Long.MIN_VALUE;

    private static final int LEAF_BITS = 32 - CHUNK_SHIFT;
    private static final int ROOT_BITS = 48 - 32;
    private static final VarHandle ENTRIES = MethodHandles.arrayElementVarHandle(Slab[].class);
    private static final VarHandle LEAVES = MethodHandles.arrayElementVarHandle(Slab[][].class);

    private static final Slab[][] ROOT = new Slab[1 << ROOT_BITS][];

    /** The flat window's entries: a static final array, so its address and length are constants in compiled code. */
    private static final Slab[] FLAT = new Slab[FLAT_CHUNKS];

    /**
     * First address of the flat window, chunk-aligned, or {@link #NO_WINDOW}. Not final (it depends on where the
     * first slab lies); written once by {@link #set} under the pool lock; read plain.
     */
    private static long flatBase = NO_WINDOW;

    /**
     * The slab whose memory contains {@code address}, or null. Any thread. Small enough for C1 to inline (the
     * two-level lookup is out of line); {@code (address - flatBase) >>> CHUNK_SHIFT} is below 2^48, so a signed
     * comparison is the unsigned one.
     *
     * <p>One race can return a slab that does not contain {@code address}: a thread that still reads
     * {@link #flatBase} as it was before the first slab (the read is plain, and a compiled loop may keep it), while
     * the flat entries are already filled, maps addresses near {@link Long#MIN_VALUE} onto them. Every caller
     * validates the address against the slab through {@link Slab#blockIndex}, {@link Slab#containingBlock} or
     * {@link Slab#contains}, which answer -1 (false) for an address outside it, so such an address is refused as {@code NOT_OWNED} like any
     * foreign one; nothing is ever checked against another slab's block.
     */
    static Slab lookup(long address) {
        long chunk = (address - flatBase) >>> CHUNK_SHIFT;
        if (chunk < FLAT_CHUNKS) {
            return FLAT[(int) chunk];
        }
        return lookupTwoLevel(address);
    }

    /** {@link #lookup} outside the flat window. */
    private static Slab lookupTwoLevel(long address) {
        if (address >>> 48 != 0) {
            return null;
        }
        Slab[] leaf = ROOT[(int) (address >>> 32)];
        return leaf == null ? null : leaf[(int) (address >>> CHUNK_SHIFT) & ((1 << LEAF_BITS) - 1)];
    }

    /** Whether memory at {@code [address, address + bytes)} can be registered (it lies below 2^48). */
    static boolean covers(long address, long bytes) {
        return address > 0 && (address + bytes - 1) >>> 48 == 0;
    }

    /** Whether {@code address} lies in the flat window (false before the first slab). For tests and stats. */
    static boolean inFlatWindow(long address) {
        return flatBase != NO_WINDOW && (address - flatBase) >>> CHUNK_SHIFT < FLAT_CHUNKS;
    }

    /** First address of the flat window; {@link Long#MIN_VALUE} before the first slab. For tests. */
    static long flatBase() {
        return flatBase;
    }

    /** Points every chunk of the slab's range at it. Caller holds the pool lock. */
    static void register(Slab slab) {
        if (flatBase == NO_WINDOW) {
            flatBase = windowAround(slab.base);
        }
        set(slab.base, slab.bytes, slab);
    }

    /** Clears every chunk of a range. Caller holds the pool lock. */
    static void unregister(long base, long bytes) {
        set(base, bytes, null);
    }

    /** The window for a first slab at {@code base}: {@link #FLAT_ABOVE_FIRST} above it, the rest below, not below 0. */
    static long windowAround(long base) {
        long above = Math.min(base + FLAT_ABOVE_FIRST, 1L << 48);
        return Math.max(0, above - FLAT_BYTES) & -CHUNK_BYTES;
    }

    private static void set(long base, long bytes, Slab slab) {
        for (long chunk = base; chunk < base + bytes; chunk += CHUNK_BYTES) {
            int top = (int) (chunk >>> 32);
            Slab[] leaf = ROOT[top];
            if (leaf == null) {
                leaf = new Slab[1 << LEAF_BITS];
                LEAVES.setRelease(ROOT, top, leaf);
            }
            ENTRIES.setRelease(leaf, (int) (chunk >>> CHUNK_SHIFT) & ((1 << LEAF_BITS) - 1), slab);
            long flat = (chunk - flatBase) >>> CHUNK_SHIFT;
            if (flat < FLAT_CHUNKS) {
                ENTRIES.setRelease(FLAT, (int) flat, slab);
            }
        }
    }
}
