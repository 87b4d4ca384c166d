package io.gmalloc.benchmarks;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The anchors gmalloc is measured against: glibc {@code malloc/free} and, when installed, jemalloc and
 * mimalloc, all reached through FFM downcalls.
 *
 * <p>Each library lives in its own nested holder class so that a missing library fails only the
 * benchmarks that use it (the class initialiser throws), never the others. Pointers travel as
 * {@code long} ({@code JAVA_LONG} is ABI-identical to a pointer on LP64), so no {@link MemorySegment} is
 * boxed per call. "critical" means {@link Linker.Option#critical(boolean) critical(false)}: no thread state
 * transition, the cheapest downcall the JDK offers, fine for calls that never block for long or call back.
 */
public final class NativeAllocators {
    private NativeAllocators() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final FunctionDescriptor MALLOC_DESC = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG);
    private static final FunctionDescriptor FREE_DESC = FunctionDescriptor.ofVoid(JAVA_LONG);
    private static final FunctionDescriptor CALLOC_DESC = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG);
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);

    @SuppressWarnings("restricted") // native access is enabled for the benchmark JVMs
    static MethodHandle downcall(SymbolLookup lookup, String name, FunctionDescriptor desc, Linker.Option... options) {
        MemorySegment symbol =
                lookup.find(name).orElseThrow(() -> new IllegalStateException("symbol not found: " + name));
        return LINKER.downcallHandle(symbol, desc, options);
    }

    /**
     * Finds a shared library by soname in the usual Debian places (or the path in system property {@code key}).
     *
     * @return the library path, empty if absent
     */
    public static Optional<Path> findLibrary(String key, String soname) {
        String override = System.getProperty(key);
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override)).filter(Files::isRegularFile);
        }
        for (String dir : List.of(
                "/usr/lib/x86_64-linux-gnu",
                "/usr/lib/aarch64-linux-gnu",
                "/usr/lib64",
                "/usr/lib",
                "/usr/local/lib",
                "/lib/x86_64-linux-gnu")) {
            Path p = Path.of(dir, soname);
            if (Files.exists(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("restricted") // native access is enabled for the benchmark JVMs
    static SymbolLookup library(String key, String soname) {
        Path path = findLibrary(key, soname)
                .orElseThrow(() -> new IllegalStateException(
                        soname + " not installed (install the Debian package or set -D" + key + "=/path)"));
        return SymbolLookup.libraryLookup(path, Arena.global());
    }

    static AssertionError rethrow(Throwable t) {
        return new AssertionError("downcall failed", t);
    }

    /** glibc malloc/free from the JDK's default lookup (libc), with plain and critical downcalls. */
    public static final class Glibc {
        private Glibc() {}

        private static final SymbolLookup LIBC = LINKER.defaultLookup();
        private static final MethodHandle MALLOC = downcall(LIBC, "malloc", MALLOC_DESC);
        private static final MethodHandle FREE = downcall(LIBC, "free", FREE_DESC);
        private static final MethodHandle MALLOC_CRITICAL = downcall(LIBC, "malloc", MALLOC_DESC, CRITICAL);
        private static final MethodHandle FREE_CRITICAL = downcall(LIBC, "free", FREE_DESC, CRITICAL);
        private static final MethodHandle CALLOC_CRITICAL = downcall(LIBC, "calloc", CALLOC_DESC, CRITICAL);

        /** {@code malloc} through a plain downcall (with thread-state transition). */
        public static long malloc(long size) {
            try {
                return (long) MALLOC.invokeExact(size);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** {@code free} through a plain downcall. */
        public static void free(long address) {
            try {
                FREE.invokeExact(address);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** {@code malloc} through a {@code critical(false)} downcall. */
        public static long mallocCritical(long size) {
            try {
                return (long) MALLOC_CRITICAL.invokeExact(size);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** {@code calloc(1, size)} through a {@code critical(false)} downcall: zeroed, like every gmalloc block. */
        public static long callocCritical(long size) {
            try {
                return (long) CALLOC_CRITICAL.invokeExact(1L, size);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** {@code free} through a {@code critical(false)} downcall. */
        public static void freeCritical(long address) {
            try {
                FREE_CRITICAL.invokeExact(address);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /**
     * jemalloc ({@code libjemalloc.so.2}, Debian {@code libjemalloc2}) through {@link SymbolLookup#libraryLookup}.
     * Loading it with dlopen needs static TLS room: run with
     * {@code GLIBC_TUNABLES=glibc.rtld.optional_static_tls=4096}. Its unprefixed {@code malloc/free} are
     * resolved in the library itself, so they are jemalloc's, not glibc's.
     */
    public static final class Jemalloc {
        private Jemalloc() {}

        public static final String SONAME = "libjemalloc.so.2";
        private static final SymbolLookup LIB = library("bench.jemalloc", SONAME);
        private static final MethodHandle MALLOC = downcall(LIB, "malloc", MALLOC_DESC, CRITICAL);
        private static final MethodHandle FREE = downcall(LIB, "free", FREE_DESC, CRITICAL);

        /** jemalloc {@code malloc}, critical downcall. */
        public static long malloc(long size) {
            try {
                return (long) MALLOC.invokeExact(size);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** jemalloc {@code free}, critical downcall. */
        public static void free(long address) {
            try {
                FREE.invokeExact(address);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** mimalloc ({@code libmimalloc.so.2}, Debian {@code libmimalloc2.0}): {@code mi_malloc/mi_free}, critical. */
    public static final class Mimalloc {
        private Mimalloc() {}

        public static final String SONAME = "libmimalloc.so.2";
        private static final SymbolLookup LIB = library("bench.mimalloc", SONAME);
        private static final MethodHandle MALLOC = downcall(LIB, "mi_malloc", MALLOC_DESC, CRITICAL);
        private static final MethodHandle FREE = downcall(LIB, "mi_free", FREE_DESC, CRITICAL);
        private static final MethodHandle ZALLOC = downcall(LIB, "mi_zalloc", MALLOC_DESC, CRITICAL);

        /** {@code mi_zalloc}: a zeroed block, the fair twin of {@code gmalloc}; critical downcall. */
        public static long zalloc(long size) {
            try {
                return (long) ZALLOC.invokeExact(size);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** {@code mi_malloc}, critical downcall. */
        public static long malloc(long size) {
            try {
                return (long) MALLOC.invokeExact(size);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** {@code mi_free}, critical downcall. */
        public static void free(long address) {
            try {
                FREE.invokeExact(address);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }
}
