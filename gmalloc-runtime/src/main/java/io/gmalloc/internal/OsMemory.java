package io.gmalloc.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The only class that takes memory from the OS or gives it back, and the keeper of {@code gmalloc.maxBytes}.
 *
 * <p>Slabs and blocks above {@link LargeBlocks#MAPPED_BYTES} are anonymous {@code mmap} mappings (lazily
 * committed, zero-filled by the kernel), aligned as asked so the registry can find slabs from any address inside.
 * Other large blocks come from the C library's {@code calloc} / {@code posix_memalign}. These go through FFM
 * downcalls, each created on its first use in a holder class of its own: a program that never frees a large block
 * never links {@code free}.
 *
 * <p>First use: the FFM linker's bootstrap costs ~0.2 s and ~15 MiB of RSS, so small mappings (up to
 * {@link #BOOT_MAPPING_BYTES}, {@link #BOOT_BUDGET_BYTES} in all) come from a shared {@link Arena} instead (zeroed,
 * aligned, no linker; closed when unmapped). A program that allocates a few buckets' first slabs never links.
 *
 * <p>Failure is reported by {@link NoMemory}, which carries the facts; the caller that knows what the user asked
 * for turns it into the {@link OutOfMemoryError} ({@link Errors#outOfMemory}).
 *
 * <p>Concurrency: {@link #reserved} is the one shared counter (any thread, CAS); the downcalls are thread-safe.
 */
final class OsMemory {
    private OsMemory() {}

    /**
     * No memory: the cap would be passed or the OS refused. Internal and without a stack trace; never reaches the
     * user.
     */
    static final class NoMemory extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Bytes that were asked of the OS. */
        final long bytes;

        /** Bytes reserved by gmalloc when it failed. */
        final long reservedBytes;

        /** Whether the cap refused (else the OS or the C library did). */
        final boolean overCap;

        /**
         * Whether no memory given back could help: more than the cap, or than the 48-bit address space (256 TiB)
         * gmalloc tracks.
         */
        final boolean impossible;

        NoMemory(long bytes, long reservedBytes, boolean overCap) {
            super(null, null, false, false);
            this.bytes = bytes;
            this.reservedBytes = reservedBytes;
            this.overCap = overCap;
            this.impossible = bytes < 0 || bytes > Options.MAX_BYTES || bytes >= 1L << 48;
        }
    }

    private static final String OS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    private static final boolean LINUX = OS.contains("linux");
    private static final boolean MAC = OS.contains("mac");

    /** Whether slabs and big blocks are mapped with {@code mmap} (else they come from a shared {@code Arena}). */
    static final boolean MAPS = LINUX || MAC;

    private static final int PROT_NONE = 0;
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_FIXED = 0x10;
    private static final int MAP_PRIVATE_ANONYMOUS = LINUX ? 0x02 | 0x20 | 0x4000 /* MAP_NORESERVE */ : 0x0002 | 0x1000;
    private static final long MAP_FAILED = -1L;
    private static final int MADV_HUGEPAGE = 14;

    /** Transparent huge pages: 2 MiB, on Linux x86-64 and AArch64 with 4 KiB base pages. */
    static final long HUGE_PAGE_BYTES = 2L << 20;

    // Short C calls: critical(false) skips the thread-state transition (~2.5x cheaper); mmap/munmap may block.
    private static final class Mmap {
        static final MethodHandle HANDLE = downcall(
                "mmap",
                false,
                FunctionDescriptor.of(
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_LONG));
    }

    private static final class Munmap {
        static final MethodHandle HANDLE = downcall(
                "munmap",
                false,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    }

    private static final class Madvise {
        static final MethodHandle HANDLE = downcall(
                "madvise",
                false,
                FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    }

    private static final class Calloc {
        static final MethodHandle HANDLE = downcall(
                "calloc",
                true,
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    }

    private static final class Free {
        static final MethodHandle HANDLE = downcall("free", true, FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG));
    }

    private static final class PosixMemalign {
        static final MethodHandle HANDLE = downcall(
                "posix_memalign",
                false,
                FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    }

    /** Largest mapping taken from an {@link Arena} rather than mmap. */
    static final long BOOT_MAPPING_BYTES = 256L << 10;

    /** Most bytes mapped from arenas at once. */
    static final long BOOT_BUDGET_BYTES = 4L << 20;

    /** Arena mappings by address, closed by {@link #unmap}. */
    private static final ConcurrentHashMap<Long, Arena> ARENAS = new ConcurrentHashMap<>();

    /** Bytes in {@link #ARENAS}. Any thread, CAS. */
    private static final AtomicLong arenaBytes = new AtomicLong();

    /** Bytes taken from the OS and not given back: slabs plus large blocks. Any thread, CAS. */
    private static final AtomicLong reserved = new AtomicLong();

    @SuppressWarnings("restricted") // downcalls are why gmalloc needs --enable-native-access
    private static MethodHandle downcall(String name, boolean critical, FunctionDescriptor descriptor) {
        Linker linker = Linker.nativeLinker();
        MemorySegment symbol = linker.defaultLookup()
                .find(name)
                .orElseThrow(() -> new UnsupportedOperationException("gmalloc: C library has no " + name));
        return critical
                ? linker.downcallHandle(symbol, descriptor, Linker.Option.critical(false))
                : linker.downcallHandle(symbol, descriptor);
    }

    /** Bytes reserved right now. */
    static long reservedBytes() {
        return reserved.get();
    }

    /**
     * Counts {@code bytes} against {@code gmalloc.maxBytes}.
     *
     * @throws NoMemory when the cap would be passed; nothing is counted then
     */
    static void reserve(long bytes) {
        long now;
        do {
            now = reserved.get();
            if (bytes < 0 || bytes > Options.MAX_BYTES - now) {
                throw new NoMemory(bytes, now, true);
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
     * @throws NoMemory past the cap or when the OS refuses; nothing is reserved then
     */
    static long map(long bytes, long alignment) {
        reserve(bytes);
        long address = 0;
        boolean huge = MAPS && LINUX && Options.HUGE_PAGES && bytes % HUGE_PAGE_BYTES == 0;
        try {
            if (!MAPS || takeArenaBudget(bytes)) {
                if (!MAPS) {
                    arenaBytes.addAndGet(bytes); // counted as takeArenaBudget counts, so unmap can subtract
                }
                address = arenaMapping(bytes, alignment);
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
            throw new NoMemory(bytes, reserved.get(), false);
        }
        return address;
    }

    /** Unmaps what {@link #map} returned and stops counting it. */
    static void unmap(long address, long bytes) {
        Arena arena = ARENAS.remove(address);
        if (arena != null) {
            arena.close();
            arenaBytes.addAndGet(-bytes);
        } else {
            munmap(address, bytes);
        }
        unreserve(bytes);
    }

    /** Whether a mapping of {@code bytes} may come from an arena (small, within the budget); takes the budget. */
    private static boolean takeArenaBudget(long bytes) {
        if (bytes > BOOT_MAPPING_BYTES) {
            return false;
        }
        long now;
        do {
            now = arenaBytes.get();
            if (now + bytes > BOOT_BUDGET_BYTES) {
                return false;
            }
        } while (!arenaBytes.compareAndSet(now, now + bytes));
        return true;
    }

    /**
     * Gives the memory of a {@link #map} range back to the OS but keeps its addresses: they are replaced by an
     * inaccessible mapping that nobody else can be handed, so gmalloc can still tell a second free of them from
     * another allocator's memory. {@link #unmapKept} releases the addresses later.
     *
     * @return whether the addresses are kept (false: without mmap, the range is simply given back)
     */
    static boolean decommitKeepAddresses(long address, long bytes) {
        if (!MAPS) {
            unreserve(bytes);
            return false;
        }
        long result = mmapRaw(address, bytes, PROT_NONE, MAP_PRIVATE_ANONYMOUS | MAP_FIXED);
        if (result != address) {
            munmap(address, bytes); // could not replace it: give the addresses back too
            unreserve(bytes);
            return false;
        }
        unreserve(bytes);
        return true;
    }

    /** Releases the addresses of a range {@link #decommitKeepAddresses} kept (not counted as reserved). */
    static void unmapKept(long address, long bytes) {
        munmap(address, bytes);
    }

    /** Over-maps by {@code alignment}, then unmaps the unaligned head and the tail. Returns 0 on failure. */
    private static long mapAligned(long bytes, long alignment) {
        if (bytes > Long.MAX_VALUE - alignment) {
            return 0;
        }
        long span = bytes + alignment;
        long raw = mmapRaw(0L, span, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS);
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
            int ignored = (int) Madvise.HANDLE.invokeExact(address, bytes, MADV_HUGEPAGE);
        } catch (Throwable t) {
            throw new AssertionError("madvise downcall failed", t);
        }
    }

    /** Zeroed memory from a shared arena of its own, registered for {@link #unmap}; 0 on failure. */
    private static long arenaMapping(long bytes, long alignment) {
        Arena arena = Arena.ofShared();
        long address;
        try {
            address = arena.allocate(bytes, alignment).address();
        } catch (OutOfMemoryError | IllegalArgumentException e) {
            arena.close();
            arenaBytes.addAndGet(-bytes);
            return 0;
        }
        ARENAS.put(address, arena);
        return address;
    }

    private static long mmapRaw(long address, long bytes, int protection, int flags) {
        try {
            return (long) Mmap.HANDLE.invokeExact(address, bytes, protection, flags, -1, 0L);
        } catch (Throwable t) {
            throw new AssertionError("mmap downcall failed", t);
        }
    }

    private static void munmap(long address, long bytes) {
        int result;
        try {
            result = (int) Munmap.HANDLE.invokeExact(address, bytes);
        } catch (Throwable t) {
            throw new AssertionError("munmap downcall failed", t);
        }
        if (result != 0) {
            throw new IllegalStateException(
                    "gmalloc: munmap(0x" + Long.toHexString(address) + ", " + bytes + ") failed");
        }
    }

    /**
     * Zeroed memory from the C library, 16-byte aligned (or {@code alignment} when larger), counted as reserved.
     *
     * @throws NoMemory past the cap or when the C library has no memory; nothing is reserved then
     */
    static long calloc(long bytes, long alignment) {
        reserve(bytes);
        long address = 0;
        try {
            address = alignment <= 16 ? callocRaw(bytes) : memalignZeroed(bytes, alignment);
        } finally {
            if (address == 0) {
                unreserve(bytes);
            }
        }
        if (address == 0) {
            throw new NoMemory(bytes, reserved.get(), false);
        }
        return address;
    }

    private static long callocRaw(long bytes) {
        try {
            return (long) Calloc.HANDLE.invokeExact(1L, bytes);
        } catch (Throwable t) {
            throw new AssertionError("calloc downcall failed", t);
        }
    }

    private static long memalignZeroed(long bytes, long alignment) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            int result = (int) PosixMemalign.HANDLE.invokeExact(out, alignment, bytes);
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
            Free.HANDLE.invokeExact(address);
        } catch (Throwable t) {
            throw new AssertionError("free downcall failed", t);
        }
        unreserve(bytes);
    }
}
