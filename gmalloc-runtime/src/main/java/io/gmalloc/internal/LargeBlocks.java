package io.gmalloc.internal;

import io.gmalloc.InvalidFreeException.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Blocks above 512 bytes (and generated structs above 64 KiB): the C library's {@code calloc}, or a mapping of
 * their own from {@link #MAPPED_BYTES} on, tracked in a sorted concurrent map so that frees are validated like
 * small ones, interior pointers included, without reading the memory.
 *
 * <p>Freed blocks wait in a small quarantine ({@link #QUARANTINE}, at most {@link #QUARANTINE_BLOCKS} blocks and
 * {@link #QUARANTINE_BYTES} bytes, oldest given back first) before they go back to the C library. While an address
 * is there nobody else can own it, so a second free of it is certainly a double free; once it is given back the C
 * library may hand it to anyone (a {@code java.lang.foreign.Arena}, say), and a free of it is {@code NOT_OWNED}.
 * Remembering given-back addresses instead reported other allocators' memory as a double free. {@code trim()} and
 * the memory pressure before an out-of-memory empty the quarantine.
 *
 * <p>A mapped block goes back to the OS at once when freed, but its addresses stay reserved (an inaccessible
 * mapping, {@link OsMemory#decommitKeepAddresses}) in {@link #TOMBSTONES}, at most {@link #TOMBSTONE_BLOCKS} of
 * them, oldest released first: a second free of a block of any size is still recognised as a double free.
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

    /** Blocks this large and larger get a mapping of their own (with mmap). */
    static final long MAPPED_BYTES = 1L << 20;

    /** Most freed mapped blocks whose addresses are kept. */
    private static final int TOMBSTONE_BLOCKS = 1024;

    private static final long PAGE_BYTES = 4096;

    /** Freed mapped blocks whose addresses are still reserved, oldest first: address → mapped bytes. */
    private static final LinkedHashMap<Long, Long> TOMBSTONES = new LinkedHashMap<>();

    /** Live large blocks: address → usable bytes. */
    private static final ConcurrentSkipListMap<Long, Long> LIVE = new ConcurrentSkipListMap<>();

    /** Freed blocks not yet given back, oldest first: address → usable bytes. Guarded by itself. */
    private static final LinkedHashMap<Long, Long> QUARANTINE = new LinkedHashMap<>();

    /**
     * Live blocks a {@code grealloc} has claimed while it copies or clears them: out of {@link #LIVE}, so a racing
     * free is refused ({@code DOUBLE_FREE}) instead of giving the memory back under the copy (a mapped block would
     * become inaccessible, and reading it would crash the JVM). Address → usable bytes. Guarded by
     * {@link #QUARANTINE}.
     */
    private static final Map<Long, Long> CLAIMED = new HashMap<>();

    /** Sum of the bytes in {@link #QUARANTINE}. Guarded by {@link #QUARANTINE}. */
    private static long quarantineBytes;

    /**
     * A zeroed block of {@code bytes} (rounded up to 16) aligned to {@code alignment}, a power of two of at least 16.
     *
     * @throws OsMemory.NoMemory when there is no memory for it (also when no such block can exist); nothing
     *     changed then
     */
    static long alloc(long bytes, long alignment) {
        if (bytes > Long.MAX_VALUE - PAGE_BYTES - alignment) {
            // Rounding up would wrap: no such block can exist.
            throw new OsMemory.NoMemory(bytes, OsMemory.reservedBytes(), false);
        }
        long usable = Bucket.roundUp(bytes, 16);
        long address = mapped(usable)
                ? OsMemory.map(Bucket.roundUp(usable, PAGE_BYTES), Math.max(alignment, PAGE_BYTES))
                : OsMemory.calloc(usable, alignment);
        LIVE.put(address, usable);
        return address;
    }

    /** Whether a block of {@code usable} bytes has a mapping of its own. */
    private static boolean mapped(long usable) {
        return OsMemory.MAPS && usable >= MAPPED_BYTES;
    }

    /** Usable bytes of the live large block starting at {@code address}, or -1 if there is none. */
    static long usableSize(long address) {
        Long bytes = LIVE.get(address);
        return bytes == null ? -1 : bytes;
    }

    /** Why {@code address} is not a live large block start, for an {@code InvalidFreeException}. */
    static Reason whyNot(long address) {
        synchronized (QUARANTINE) {
            return whyNotLocked(address);
        }
    }

    private static Reason whyNotLocked(long address) {
        Map.Entry<Long, Long> below = LIVE.lowerEntry(address);
        if (below != null && address < below.getKey() + below.getValue()) {
            return Reason.INTERIOR;
        }
        return QUARANTINE.containsKey(address) || TOMBSTONES.containsKey(address) || CLAIMED.containsKey(address)
                ? Reason.DOUBLE_FREE
                : Reason.NOT_OWNED;
    }

    /**
     * Frees a large block. The block leaves {@link #LIVE} and enters the quarantine or the tombstones under one
     * lock, so a racing second free of it always finds it in one of them: {@code DOUBLE_FREE}, never
     * {@code NOT_OWNED}.
     *
     * @throws io.gmalloc.InvalidFreeException when {@code address} is not a live large block; nothing changed
     */
    static void free(long address) {
        release(address, LIVE);
    }

    /**
     * Claims a live large block for a {@code grealloc} that reads or writes it next: until {@link #unclaim} or
     * {@link #freeClaimed}, every free of it is refused as a double free, and its memory stays the block's.
     *
     * @return the block's usable bytes, or -1 when {@code address} is not a live large block (nothing changed)
     */
    static long claim(long address) {
        synchronized (QUARANTINE) {
            Long bytes = LIVE.remove(address);
            if (bytes == null) {
                return -1;
            }
            CLAIMED.put(address, bytes);
            return bytes;
        }
    }

    /** Makes a block {@link #claim claimed} live again. */
    static void unclaim(long address) {
        synchronized (QUARANTINE) {
            Long bytes = CLAIMED.remove(address);
            if (bytes != null) {
                LIVE.put(address, bytes);
            }
        }
    }

    /** Frees a block {@link #claim claimed} before: quarantine or tombstone, as {@link #free}. */
    static void freeClaimed(long address) {
        release(address, CLAIMED);
    }

    /** {@link #free} of a block found in {@code from} ({@link #LIVE} or {@link #CLAIMED}). */
    private static void release(long address, Map<Long, Long> from) {
        Long bytes;
        Reason refused = null;
        List<long[]> leaving = new ArrayList<>();
        synchronized (QUARANTINE) {
            bytes = from.remove(address);
            if (bytes == null) {
                refused = whyNotLocked(address);
            } else if (mapped(bytes)) {
                buryLocked(
                        address, Bucket.roundUp(bytes, PAGE_BYTES)); // a syscall under the lock: rare and slow anyway
                return;
            } else if (bytes <= QUARANTINE_BYTES) {
                if (Options.CHECKED) {
                    Memory.poison(address, bytes);
                }
                QUARANTINE.put(address, bytes);
                quarantineBytes += bytes;
                while (QUARANTINE.size() > QUARANTINE_BLOCKS || quarantineBytes > QUARANTINE_BYTES) {
                    leaving.add(evictOldestLocked());
                }
            }
        }
        if (refused != null) {
            throw Errors.invalidFree(address, refused, "");
        }
        if (bytes > QUARANTINE_BYTES) {
            OsMemory.free(address, bytes); // only without mmap: no tombstone can keep its addresses
        }
        for (long[] block : leaving) {
            OsMemory.free(block[0], block[1]);
        }
    }

    /**
     * Gives a mapped block's memory back and keeps its addresses as a tombstone. Under the lock: an evicted
     * tombstone's addresses are released only after no other free can still be replacing them.
     */
    private static void buryLocked(long address, long mappedBytes) {
        if (!OsMemory.decommitKeepAddresses(address, mappedBytes)) {
            return;
        }
        TOMBSTONES.put(address, mappedBytes);
        if (TOMBSTONES.size() > TOMBSTONE_BLOCKS) {
            Map.Entry<Long, Long> oldest = TOMBSTONES.entrySet().iterator().next();
            TOMBSTONES.remove(oldest.getKey());
            OsMemory.unmapKept(oldest.getKey(), oldest.getValue());
        }
    }

    /**
     * Gives a live large block of a closing region straight back (to the C library, or its mapping to the OS),
     * past the quarantine and the tombstones: a later free of its address is then {@code NOT_OWNED}, as for every
     * block of a closed region.
     *
     * @return whether the block was still live (another thread may have freed it a moment ago)
     */
    static boolean releaseClosed(long address) {
        Long bytes;
        synchronized (QUARANTINE) {
            bytes = LIVE.remove(address);
        }
        if (bytes == null) {
            return false;
        }
        if (mapped(bytes)) {
            OsMemory.unmap(address, Bucket.roundUp(bytes, PAGE_BYTES));
        } else {
            OsMemory.free(address, bytes);
        }
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

    /** The live large block starting at or below {@code address}, or null. */
    static Map.Entry<Long, Long> blockAtOrBelow(long address) {
        return LIVE.floorEntry(address);
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
