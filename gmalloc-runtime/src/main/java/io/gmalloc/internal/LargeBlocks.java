package io.gmalloc.internal;

import io.gmalloc.InvalidFreeException.Reason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Blocks above 512 bytes (and generated structs above 64 KiB): the C library's {@code calloc}, tracked in a
 * sorted concurrent map so that frees are validated like small ones, interior pointers included, without reading
 * the memory.
 *
 * <p>Concurrency: {@link #LIVE} is a concurrent map (any thread); {@link #RECENTLY_FREED} remembers the last
 * addresses freed, under its own monitor, so a second free of one is reported as a double free rather than as
 * an unknown address.
 */
final class LargeBlocks {
    private LargeBlocks() {}

    private static final int REMEMBERED_FREES = 4096;

    /** Live large blocks: address → usable bytes. */
    private static final ConcurrentSkipListMap<Long, Long> LIVE = new ConcurrentSkipListMap<>();

    private static final Map<Long, Boolean> RECENTLY_FREED = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED_FREES;
        }
    };

    /** A zeroed block of {@code bytes} (rounded up to 16) aligned to {@code alignment}, at least 16. */
    static long alloc(long bytes, long alignment) {
        if (bytes > Long.MAX_VALUE - 15) {
            // Rounding up would wrap to a negative reservation that slips past the cap (and lowers the count
            // other threads check against): no such block can exist, so fail here.
            throw new OutOfMemoryError("gmalloc: cannot allocate " + bytes + " bytes: larger than any address space"
                    + " (-Dgmalloc.maxBytes=" + Options.MAX_BYTES + ")");
        }
        long usable = Bucket.roundUp(bytes, 16);
        long address = OsMemory.calloc(usable, alignment, bytes);
        synchronized (RECENTLY_FREED) {
            RECENTLY_FREED.remove(address);
        }
        LIVE.put(address, usable);
        return address;
    }

    /** Usable bytes of the live large block starting at {@code address}, or -1 if there is none. */
    static long usableSize(long address) {
        Long bytes = LIVE.get(address);
        return bytes == null ? -1 : bytes;
    }

    /** Why {@code address} is not a live large block start, for an {@code InvalidFreeException}. */
    static Reason whyNot(long address) {
        Map.Entry<Long, Long> below = LIVE.lowerEntry(address);
        if (below != null && address < below.getKey() + below.getValue()) {
            return Reason.INTERIOR;
        }
        synchronized (RECENTLY_FREED) {
            return RECENTLY_FREED.containsKey(address) ? Reason.DOUBLE_FREE : Reason.NOT_OWNED;
        }
    }

    /**
     * Frees a large block.
     *
     * @throws io.gmalloc.InvalidFreeException when {@code address} is not a live large block; nothing changed
     */
    static void free(long address) {
        Long bytes = LIVE.remove(address);
        if (bytes == null) {
            throw Errors.invalidFree(address, whyNot(address), "");
        }
        synchronized (RECENTLY_FREED) {
            RECENTLY_FREED.put(address, Boolean.TRUE);
        }
        if (Options.CHECKED) {
            Memory.poison(address, bytes);
        }
        OsMemory.free(address, bytes);
    }

    /** Whether {@code [address, address + bytes)} lies inside one live large block. */
    static boolean contains(long address, long bytes) {
        Map.Entry<Long, Long> entry = LIVE.floorEntry(address);
        // bytes <= end - address, not address + bytes <= end: the sum wraps for huge lengths.
        return entry != null && bytes >= 0 && bytes <= entry.getKey() + entry.getValue() - address;
    }

    /** Live large blocks. */
    static long count() {
        return LIVE.size();
    }

    /** Usable bytes of all live large blocks. */
    static long liveBytes() {
        long sum = 0;
        for (long bytes : LIVE.values()) {
            sum += bytes;
        }
        return sum;
    }
}
