package io.gmalloc.internal;

import io.gmalloc.InvalidFreeException.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Blocks above 512 bytes (and generated structs above 64 KiB): the C library's {@code calloc}, tracked in a
 * sorted concurrent map so that frees are validated like small ones, interior pointers included, without reading
 * the memory.
 *
 * <p>Freed blocks wait in a small quarantine ({@link #QUARANTINE}, at most {@link #QUARANTINE_BLOCKS} blocks and
 * {@link #QUARANTINE_BYTES} bytes, oldest given back first) before they go back to the C library. While an address
 * is there nobody else can own it, so a second free of it is certainly a double free; once it is given back the C
 * library may hand it to anyone (a {@code java.lang.foreign.Arena}, say), and a free of it is {@code NOT_OWNED}.
 * Remembering given-back addresses instead reported other allocators' memory as a double free. {@code trim()} and
 * a reservation that would pass {@code gmalloc.maxBytes} empty the quarantine.
 *
 * <p>Concurrency: {@link #LIVE} is a concurrent map (any thread); the quarantine is guarded by its own monitor,
 * and memory leaves it outside that monitor.
 */
final class LargeBlocks {
    private LargeBlocks() {}

    /** Most blocks held in quarantine. */
    private static final int QUARANTINE_BLOCKS = 4096;

    /** Most bytes held in quarantine; a freed block larger than this goes back at once and is forgotten. */
    private static final long QUARANTINE_BYTES = 8L << 20;

    /** Live large blocks: address → usable bytes. */
    private static final ConcurrentSkipListMap<Long, Long> LIVE = new ConcurrentSkipListMap<>();

    /** Freed blocks not yet given back, oldest first: address → usable bytes. Guarded by itself. */
    private static final LinkedHashMap<Long, Long> QUARANTINE = new LinkedHashMap<>();

    /** Sum of the bytes in {@link #QUARANTINE}. Guarded by {@link #QUARANTINE}. */
    private static long quarantineBytes;

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
        synchronized (QUARANTINE) {
            return QUARANTINE.containsKey(address) ? Reason.DOUBLE_FREE : Reason.NOT_OWNED;
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
        if (Options.CHECKED) {
            Memory.poison(address, bytes);
        }
        if (bytes > QUARANTINE_BYTES) {
            OsMemory.free(address, bytes);
            return;
        }
        List<long[]> leaving = new ArrayList<>();
        synchronized (QUARANTINE) {
            QUARANTINE.put(address, bytes);
            quarantineBytes += bytes;
            while (QUARANTINE.size() > QUARANTINE_BLOCKS || quarantineBytes > QUARANTINE_BYTES) {
                leaving.add(evictOldestLocked());
            }
        }
        for (long[] block : leaving) {
            OsMemory.free(block[0], block[1]);
        }
    }

    /**
     * Gives a live large block of a closing region straight back to the C library, past the quarantine: a later
     * free of its address is then {@code NOT_OWNED}, as for every block of a closed region.
     *
     * @return whether the block was still live (another thread may have freed it a moment ago)
     */
    static boolean releaseClosed(long address) {
        Long bytes = LIVE.remove(address);
        if (bytes == null) {
            return false;
        }
        OsMemory.free(address, bytes);
        return true;
    }

    private static long[] evictOldestLocked() {
        Map.Entry<Long, Long> oldest = QUARANTINE.entrySet().iterator().next();
        QUARANTINE.remove(oldest.getKey());
        quarantineBytes -= oldest.getValue();
        return new long[] {oldest.getKey(), oldest.getValue()};
    }

    /**
     * Gives every quarantined block back to the C library: on {@code trim()}, and before a reservation fails.
     *
     * @return bytes given back
     */
    static long releaseQuarantine() {
        List<long[]> leaving = new ArrayList<>();
        synchronized (QUARANTINE) {
            while (!QUARANTINE.isEmpty()) {
                leaving.add(evictOldestLocked());
            }
        }
        long released = 0;
        for (long[] block : leaving) {
            OsMemory.free(block[0], block[1]);
            released += block[1];
        }
        return released;
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
