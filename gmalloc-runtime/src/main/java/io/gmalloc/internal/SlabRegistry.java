package io.gmalloc.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Address → slab, for frees without a per-block header: a two-level radix table over 64 KiB chunks.
 *
 * <p>Layout: {@code ROOT[address >>> 32]} is a leaf of 65 536 entries, one per 64 KiB chunk of that 4 GiB
 * range; an entry is the slab covering the chunk, or null. Every slab is aligned to a chunk and a whole number
 * of chunks long, so each chunk belongs to at most one slab. The table covers 48-bit addresses (x86-64 and
 * AArch64 user space); anything else is simply not ours. Leaves cost 256 KiB each and exist only where gmalloc
 * has mapped memory.
 *
 * <p>A lookup reads only this on-heap table, never the memory at the address, so any long can be checked
 * safely: random values, addresses of other allocators, released slabs.
 *
 * <p>Concurrency: entries change under the pool's lock when slabs are mapped, formatted, or released, and are
 * written with release semantics; lookups are plain reads (a reader racing with a change sees the old or the
 * new slab, and both are safe to validate against).
 */
final class SlabRegistry {
    private SlabRegistry() {}

    /** log2 of the chunk size. */
    static final int CHUNK_SHIFT = 16;

    /** Granularity of slabs: size and alignment. */
    static final long CHUNK_BYTES = 1L << CHUNK_SHIFT;

    private static final int LEAF_BITS = 32 - CHUNK_SHIFT;
    private static final int ROOT_BITS = 48 - 32;
    private static final VarHandle ENTRIES = MethodHandles.arrayElementVarHandle(Slab[].class);
    private static final VarHandle LEAVES = MethodHandles.arrayElementVarHandle(Slab[][].class);

    private static final Slab[][] ROOT = new Slab[1 << ROOT_BITS][];

    /** The slab whose memory contains {@code address}, or null. Any thread. */
    static Slab lookup(long address) {
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

    /** Points every chunk of the slab's range at it. Caller holds the pool lock. */
    static void register(Slab slab) {
        set(slab.base, slab.bytes, slab);
    }

    /** Clears every chunk of a range. Caller holds the pool lock. */
    static void unregister(long base, long bytes) {
        set(base, bytes, null);
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
        }
    }
}
