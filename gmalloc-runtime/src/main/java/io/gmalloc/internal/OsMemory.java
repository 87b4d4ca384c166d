package io.gmalloc.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The only class that takes memory from the OS or gives it back, and the keeper of {@code gmalloc.maxBytes}.
 *
 * <p>Slabs are anonymous {@code mmap} mappings (lazily committed, zero-filled by the kernel), aligned to their
 * {@link SlabRegistry#CHUNK_BYTES chunk} so the registry can find them from any address inside. Large blocks
 * come from the C library's {@code calloc} / {@code posix_memalign}. Everything goes through FFM downcalls.
 *
 * <p>Concurrency: {@link #reserved} is the one shared counter (any thread, CAS); the downcalls are thread-safe.
 */
final class OsMemory {
    private OsMemory() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS = LINUX ? 0x02 | 0x20 | 0x4000 /* MAP_NORESERVE */ : 0x0002 | 0x1000;
    private static final long MAP_FAILED = -1L;

    // Short C calls: critical(false) skips the thread-state transition (~2.5× cheaper); mmap/munmap may block.
    private static final MethodHandle MMAP = LINUX || MAC ? downcall("mmap", false, FunctionDescriptor.of(
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG)) : null;
    private static final MethodHandle MUNMAP = LINUX || MAC ? downcall("munmap", false, FunctionDescriptor.of(
            ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG)) : null;
    private static final MethodHandle MADVISE = LINUX ? downcall("madvise", false, FunctionDescriptor.of(
            ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT)) : null;
    private static final int MADV_HUGEPAGE = 14;

    /** Transparent huge pages: 2 MiB, on Linux x86-64 and AArch64 with 4 KiB base pages. */
    static final long HUGE_PAGE_BYTES = 2L << 20;
    private static final MethodHandle CALLOC = downcall("calloc", true, FunctionDescriptor.of(
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    private static final MethodHandle FREE = downcall("free", true, FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG));
    private static final MethodHandle POSIX_MEMALIGN = downcall("posix_memalign", false, FunctionDescriptor.of(
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));

    /** Bytes taken from the OS and not given back: slabs plus large blocks. Any thread, CAS. */
    private static final AtomicLong reserved = new AtomicLong();

    @SuppressWarnings("restricted") // downcalls are why gmalloc needs --enable-native-access
    private static MethodHandle downcall(String name, boolean critical, FunctionDescriptor descriptor) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsupportedOperationException("gmalloc: C library has no " + name));
        return critical
                ? LINKER.downcallHandle(symbol, descriptor, Linker.Option.critical(false))
                : LINKER.downcallHandle(symbol, descriptor);
    }

    /** Bytes reserved right now. */
    static long reservedBytes() {
        return reserved.get();
    }

    /**
     * Counts {@code bytes} against {@code gmalloc.maxBytes}.
     *
     * @param requested the size the user asked for, for the error message
     * @throws OutOfMemoryError when the cap would be passed; nothing is counted then
     */
    static void reserve(long bytes, long requested) {
        long now;
        boolean quarantineReleased = false;
        do {
            now = reserved.get();
            if (bytes > Options.MAX_BYTES - now && !quarantineReleased) {
                quarantineReleased = true; // freed large blocks held for double-free detection go first
                if (LargeBlocks.releaseQuarantine() > 0) {
                    continue;
                }
            }
            if (bytes > Options.MAX_BYTES - now) {
                throw new OutOfMemoryError("gmalloc: cannot allocate " + requested + " bytes: reserving " + bytes
                        + " more bytes would pass -Dgmalloc.maxBytes=" + Options.MAX_BYTES + " (" + now
                        + " bytes reserved now)");
            }
        } while (!reserved.compareAndSet(now, now + bytes));
    }

    /** Gives back what {@link #reserve} counted. */
    static void unreserve(long bytes) {
        reserved.addAndGet(-bytes);
    }

    /**
     * Maps {@code bytes} of zeroed memory aligned to {@code alignment} (a power of two) and counts it as reserved.
     *
     * @param requested the size the user asked for, for the error message
     * @throws OutOfMemoryError past the cap or when the OS refuses; nothing is reserved then
     */
    static long map(long bytes, long alignment, long requested) {
        reserve(bytes, requested);
        long address = 0;
        boolean huge = Options.HUGE_PAGES && MADVISE != null && bytes % HUGE_PAGE_BYTES == 0;
        try {
            if (MMAP == null) {
                address = arenaFallback(bytes, alignment);
            } else {
                address = mapAligned(bytes, huge ? Math.max(alignment, HUGE_PAGE_BYTES) : alignment);
                if (huge && address != 0) {
                    adviseHugePages(address, bytes);
                }
            }
        } finally {
            if (address == 0) {
                unreserve(bytes);
            }
        }
        if (address == 0) {
            throw new OutOfMemoryError("gmalloc: cannot allocate " + requested + " bytes: the OS refused to map "
                    + bytes + " bytes (" + reserved.get() + " bytes reserved by gmalloc)");
        }
        return address;
    }

    /** Unmaps what {@link #map} returned and stops counting it. */
    static void unmap(long address, long bytes) {
        if (MUNMAP != null) {
            munmap(address, bytes);
        }
        // Without mmap the memory belongs to a shared Arena that is never closed: counted as given back, kept.
        unreserve(bytes);
    }

    /** Over-maps by {@code alignment}, then unmaps the unaligned head and the tail. Returns 0 on failure. */
    private static long mapAligned(long bytes, long alignment) {
        long span = bytes + alignment;
        long raw = mmap(span);
        if (raw == MAP_FAILED || raw == 0) {
            return 0;
        }
        long aligned = (raw + alignment - 1) & -alignment;
        if (aligned > raw) {
            munmap(raw, aligned - raw);
        }
        long tail = raw + span - (aligned + bytes);
        if (tail > 0) {
            munmap(aligned + bytes, tail);
        }
        return aligned;
    }

    /**
     * Asks for transparent huge pages: one page fault per 2 MiB instead of per 4 KiB when a big slab fills up.
     * Only a hint: a kernel with THP off ignores it, and failure is harmless.
     */
    private static void adviseHugePages(long address, long bytes) {
        try {
            int ignored = (int) MADVISE.invokeExact(address, bytes, MADV_HUGEPAGE);
        } catch (Throwable t) {
            throw new AssertionError("madvise downcall failed", t);
        }
    }

    private static long arenaFallback(long bytes, long alignment) {
        return Arena.ofShared().allocate(bytes, alignment).address();
    }

    private static long mmap(long bytes) {
        try {
            return (long) MMAP.invokeExact(0L, bytes, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L);
        } catch (Throwable t) {
            throw new AssertionError("mmap downcall failed", t);
        }
    }

    private static void munmap(long address, long bytes) {
        int result;
        try {
            result = (int) MUNMAP.invokeExact(address, bytes);
        } catch (Throwable t) {
            throw new AssertionError("munmap downcall failed", t);
        }
        if (result != 0) {
            throw new IllegalStateException("gmalloc: munmap(" + address + ", " + bytes + ") failed");
        }
    }

    /**
     * Zeroed memory from the C library, 16-byte aligned (or {@code alignment} when larger), counted as reserved.
     *
     * @param requested the size the user asked for, for the error message
     * @throws OutOfMemoryError past the cap or when the C library has no memory; nothing is reserved then
     */
    static long calloc(long bytes, long alignment, long requested) {
        reserve(bytes, requested);
        long address = 0;
        try {
            address = alignment <= 16 ? callocRaw(bytes) : memalignZeroed(bytes, alignment);
        } finally {
            if (address == 0) {
                unreserve(bytes);
            }
        }
        if (address == 0) {
            throw new OutOfMemoryError("gmalloc: cannot allocate " + requested + " bytes: the C library has no memory ("
                    + reserved.get() + " bytes reserved by gmalloc)");
        }
        return address;
    }

    private static long callocRaw(long bytes) {
        try {
            return (long) CALLOC.invokeExact(1L, bytes);
        } catch (Throwable t) {
            throw new AssertionError("calloc downcall failed", t);
        }
    }

    private static long memalignZeroed(long bytes, long alignment) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            int result = (int) POSIX_MEMALIGN.invokeExact(out, alignment, bytes);
            if (result != 0) {
                return 0;
            }
            long address = out.get(ValueLayout.JAVA_LONG, 0);
            Memory.zero(address, bytes);
            return address;
        } catch (Throwable t) {
            throw new AssertionError("posix_memalign downcall failed", t);
        }
    }

    /** Gives a {@link #calloc} block back to the C library. */
    static void free(long address, long bytes) {
        try {
            FREE.invokeExact(address);
        } catch (Throwable t) {
            throw new AssertionError("free downcall failed", t);
        }
        unreserve(bytes);
    }
}
