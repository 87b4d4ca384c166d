package io.gmalloc;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/** API skeleton; implementation lands with the runtime. */
public final class GMalloc {
    private GMalloc() {}

    public static long gmalloc(long size) { throw new UnsupportedOperationException("not implemented yet"); }
    public static long gcalloc(long count, long size) { throw new UnsupportedOperationException("not implemented yet"); }
    public static void gfree(long address) { throw new UnsupportedOperationException("not implemented yet"); }
    public static long grealloc(long address, long newSize) { throw new UnsupportedOperationException("not implemented yet"); }
    public static long usableSize(long address) { throw new UnsupportedOperationException("not implemented yet"); }
    public static MemorySegment segment(long address) { throw new UnsupportedOperationException("not implemented yet"); }
    public static SegmentAllocator allocator() { throw new UnsupportedOperationException("not implemented yet"); }
    public static GMallocStats stats() { throw new UnsupportedOperationException("not implemented yet"); }
    public static long trim() { throw new UnsupportedOperationException("not implemented yet"); }
    /** Zero-based segment over the whole address space, for generated accessors. */
    public static MemorySegment addressSpace() { throw new UnsupportedOperationException("not implemented yet"); }
    /** Whether -Dgmalloc.checked=true. */
    public static boolean checkedMode() { throw new UnsupportedOperationException("not implemented yet"); }
    /** Throws InvalidAccessException unless [address, address+bytes) lies in one live block. */
    public static void checkAccess(long address, long bytes) { throw new UnsupportedOperationException("not implemented yet"); }
}
