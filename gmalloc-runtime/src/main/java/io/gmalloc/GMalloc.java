package io.gmalloc;

import io.gmalloc.internal.Allocation;
import io.gmalloc.internal.BlockLookup;
import io.gmalloc.internal.Errors;
import io.gmalloc.internal.FreeRouter;
import io.gmalloc.internal.Memory;
import io.gmalloc.internal.Options;
import io.gmalloc.internal.Reclaim;
import io.gmalloc.internal.Sites;
import io.gmalloc.internal.SizeClasses;
import io.gmalloc.internal.Stats;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.List;

/**
 * {@code calloc}/{@code free} for Java on raw {@code long} addresses, off the Java heap and without a header per
 * block.
 *
 * <p>Sizes 1..512 round up to one of 64 general buckets (8, 16, 24 … 512 bytes); each platform thread allocates
 * from arenas of its own without locks or atomics, virtual threads share a few locked heaps. Larger sizes go to
 * the C library's {@code calloc}. Every block is zero-filled and at least 8-byte aligned (16 above 512 bytes).
 *
 * <p>Every address handed back is validated before anything is touched: freeing memory gmalloc did not return,
 * a pointer into a block, or a block twice throws {@link InvalidFreeException} and changes nothing. Reading or
 * writing a block after freeing it is the caller's bug, as in C; {@code -Dgmalloc.checked=true} makes the
 * generated accessors check and poisons freed memory.
 *
 * <p>System properties, read once: {@code gmalloc.maxBytes} (cap on memory reserved from the OS, e.g.
 * {@code 512m}; past it allocation throws {@link OutOfMemoryError}), {@code gmalloc.checked},
 * {@code gmalloc.retainBytes} (empty arenas kept before returning them to the OS on its own, default 64m),
 * {@code gmalloc.stripes} (heaps shared by virtual threads), {@code gmalloc.hugePages} (the transparent-huge-page
 * hint on big arenas, default false), {@code gmalloc.jmx} (register {@link GMallocMXBean} on gmalloc's first use),
 * {@code gmalloc.trackSites}, {@code gmalloc.leakReport}, {@code gmalloc.siteSampling} and
 * {@code gmalloc.siteFrames} (see {@link #liveSites()}). Flags accept only {@code true} or {@code false}; a bad
 * value fails the first use with an {@link IllegalArgumentException} naming the property. Needs native access:
 * {@code --enable-native-access=io.gmalloc.runtime} (or {@code ALL-UNNAMED} on the class path).
 */
public final class GMalloc {
    private GMalloc() {}

    static {
        if (Options.JMX) {
            GMallocMXBean.register();
        }
    }

    /**
     * Does nothing but makes sure this class is initialised: {@link SpecialBucket} and {@code Region} call it so
     * {@code -Dgmalloc.jmx=true} registers the MXBean on gmalloc's first use through any entry point.
     */
    static void start() {}

    /**
     * Allocates a zero-filled block of at least {@code size} bytes, like {@code calloc(1, size)}.
     *
     * @param size bytes wanted; 0 is treated as 1 (a unique address that must be freed)
     * @return the block's address, never 0, 8-byte aligned (16 above 512 bytes)
     * @throws IllegalArgumentException if {@code size} is negative
     * @throws OutOfMemoryError if the OS has no memory or {@code -Dgmalloc.maxBytes} would be passed
     */
    public static long gmalloc(long size) {
        if (Sites.ON) {
            return tracked(size);
        }
        // Kept under C1's inlining limit (35 bytecodes): the thread's current slab for 1..512, else out of line.
        return SizeClasses.isSmall(size) ? Allocation.allocSmall(size) : Allocation.mallocSlow(size);
    }

    private static long tracked(long size) {
        return Sites.allocated(Allocation.mallocSlow(size), null);
    }

    /**
     * Allocates a zero-filled array of {@code count} elements of {@code size} bytes, like {@code calloc}.
     *
     * @param count number of elements, at least 0
     * @param size bytes per element, at least 0
     * @return the block's address
     * @throws IllegalArgumentException if either argument is negative or {@code count * size} overflows
     * @throws OutOfMemoryError as {@link #gmalloc}
     */
    public static long gcalloc(long count, long size) {
        return gmalloc(Errors.callocBytes(count, size));
    }

    /**
     * Frees a block returned by {@link #gmalloc}, {@link #gcalloc}, {@link #grealloc}, {@link #allocator()} or a
     * {@link SpecialBucket}. Any thread may free any block. {@code gfree(0)} does nothing, like {@code free(NULL)}.
     *
     * @param address the block's address, or 0
     * @throws InvalidFreeException if {@code address} is not the start of a live gmalloc block (reason
     *     {@code NOT_OWNED}, {@code INTERIOR} or {@code DOUBLE_FREE}); nothing changed then
     */
    public static void gfree(long address) {
        if (Sites.ON) {
            Sites.free(address);
            return;
        }
        FreeRouter.free(address);
    }

    /**
     * Resizes a block, like {@code realloc}. Growing keeps the old bytes and zero-fills the rest; a new size that
     * still fits the block's bucket returns the same address; otherwise the contents move to a new block and the
     * old one is freed.
     *
     * @param address a live block, or 0 to allocate
     * @param newSize bytes wanted; 0 is treated as 1
     * @return the block's (possibly new) address
     * @throws IllegalArgumentException if {@code newSize} is negative
     * @throws InvalidFreeException if {@code address} is not 0 and not a live block; nothing changed then
     * @throws OutOfMemoryError as {@link #gmalloc}; the old block is still live then
     */
    public static long grealloc(long address, long newSize) {
        if (Sites.ON) {
            Object tracked = Sites.beforeFree(address);
            long moved = Allocation.realloc(address, newSize);
            if (moved != address) {
                Sites.freed(address, tracked);
                Sites.allocated(moved, null);
            }
            return moved;
        }
        return Allocation.realloc(address, newSize);
    }

    /**
     * Returns how many bytes may be used at a live block: its bucket's block size, a special bucket's stride, or a
     * large block's size rounded up to 16.
     *
     * @param address the start of a live block
     * @return usable bytes, at least the size asked for
     * @throws IllegalArgumentException if {@code address} is not the start of a live block (freed, interior, or
     *     not gmalloc's)
     */
    public static long usableSize(long address) {
        return BlockLookup.usableSize("GMalloc.usableSize", address);
    }

    /**
     * Returns a view of a live block: {@link #usableSize} bytes at {@code address}, in the global scope (it stays
     * accessible after {@link #gfree}; using it then is the caller's bug).
     *
     * @param address the start of a live block
     * @return a segment of {@code usableSize(address)} bytes
     * @throws IllegalArgumentException if {@code address} is not the start of a live block (freed, interior, or
     *     not gmalloc's)
     */
    public static MemorySegment segment(long address) {
        return Memory.EVERYTHING.asSlice(address, BlockLookup.usableSize("GMalloc.segment", address));
    }

    /**
     * Returns a {@link SegmentAllocator} backed by gmalloc: zero-filled segments of exactly the requested size and
     * alignment. The caller frees each with {@code gfree(segment.address())}.
     *
     * @return a stateless allocator usable from any thread
     */
    public static SegmentAllocator allocator() {
        return GMalloc::allocateSegment;
    }

    private static MemorySegment allocateSegment(long byteSize, long byteAlignment) {
        if (byteSize < 0) {
            throw Errors.negativeSize("byteSize", byteSize);
        }
        if (byteAlignment <= 0 || Long.bitCount(byteAlignment) != 1) {
            throw new IllegalArgumentException("byteAlignment must be a power of two: " + byteAlignment);
        }
        long address = byteAlignment <= SizeClasses.GRANULE
                ? gmalloc(byteSize)
                : Sites.ON
                        ? Sites.allocated(Allocation.allocAligned(byteSize, byteAlignment), null)
                        : Allocation.allocAligned(byteSize, byteAlignment);
        try {
            return Memory.EVERYTHING.asSlice(address, byteSize);
        } catch (IndexOutOfBoundsException e) {
            gfree(address); // cannot happen for a block we could allocate; if it does, leak nothing
            throw new IllegalArgumentException(
                    "allocator: " + byteSize + " bytes aligned to " + byteAlignment + " do not fit the address space",
                    e);
        }
    }

    /**
     * Returns a snapshot of gmalloc's memory: reserved and committed bytes, live blocks, per-bucket figures.
     * Approximate while other threads allocate, exact when they are quiet.
     *
     * @return the snapshot
     */
    public static GMallocStats stats() {
        return Stats.snapshot();
    }

    /**
     * Returns where the live blocks were allocated, grouped by call site and sorted by live bytes, largest first:
     * the answer to "who allocated what is still live?". Needs {@code -Dgmalloc.trackSites=true} (or
     * {@code -Dgmalloc.leakReport=true}, which also prints the top sites to standard error at exit); empty
     * otherwise. Tracking samples one allocation in {@code -Dgmalloc.siteSampling} (default 1024), so the figures
     * are estimates unless that is 1; see {@link AllocationSite}.
     *
     * @return the sites with live blocks, an immutable list; empty when tracking is off
     */
    public static List<AllocationSite> liveSites() {
        return Sites.liveSites();
    }

    /**
     * Gives empty arenas back to the OS: those of threads that have ended, of the calling thread, of idle
     * virtual-thread stripes, and every empty arena pooled for reuse.
     *
     * @return bytes given back to the OS
     */
    public static long trim() {
        return Reclaim.trim();
    }

    /**
     * Returns a zero-based segment spanning the whole address space: {@code get}/{@code set} at an absolute
     * address compile to a plain load or store. Generated accessors read and write blocks through it. No bounds:
     * handle with the care of a C pointer.
     *
     * @return the segment
     */
    public static MemorySegment addressSpace() {
        return Memory.EVERYTHING;
    }

    /**
     * Returns whether checked mode is on ({@code -Dgmalloc.checked=true}): accessors validate addresses with
     * {@link #checkAccess} and freed blocks are poisoned.
     *
     * @return {@code true} in checked mode
     */
    public static boolean checkedMode() {
        return Options.CHECKED;
    }

    /**
     * Validates an access: {@code [address, address + bytes)} must lie inside one live gmalloc block (a nested
     * struct lies inside its parent's block). Reads only gmalloc's own metadata.
     *
     * @param address first byte of the access
     * @param bytes length of the access
     * @throws InvalidAccessException if the range is not inside one live block (use after free, wild pointer,
     *     overrun)
     */
    public static void checkAccess(long address, long bytes) {
        BlockLookup.checkAccess(address, bytes);
    }
}
