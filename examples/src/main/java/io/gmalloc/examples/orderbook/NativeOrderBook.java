package io.gmalloc.examples.orderbook;

import io.gmalloc.examples.NativeCalls;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The C functions of {@code src/main/c/orderbook.c}, which include the {@code Book.h} and {@code Fill.h} the
 * processor generated: C reads the book and the big-endian fill journal Java wrote, and counts fills on the same
 * atomic counters Java's {@code BookBucket.fillsGetAndAdd} uses. Needs {@code --enable-native-access}.
 */
public final class NativeOrderBook {

    /** {@code int64_t orderbook_fill_quantity(const Fill *journal, size_t count)}. */
    private final MethodHandle fillQuantity;

    /** {@code void orderbook_count_fill(Book *book, int64_t quantity)}. */
    private final MethodHandle countFill;

    /** {@code int orderbook_describe(const Book *book, char *out, size_t capacity)}. */
    private final MethodHandle describe;

    private NativeOrderBook(SymbolLookup library) {
        fillQuantity = NativeCalls.downcall(
                library,
                "orderbook_fill_quantity",
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
        countFill = NativeCalls.downcall(
                library, "orderbook_count_fill", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
        describe = NativeCalls.downcall(
                library,
                "orderbook_describe",
                FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    }

    /**
     * Loads the shared library built from {@code orderbook.c}; it stays loaded for the life of the JVM.
     *
     * @param library path of {@code liborderbook.so}
     * @return the C functions
     */
    @SuppressWarnings("restricted") // loading native code is the point; the JVM runs with --enable-native-access
    public static NativeOrderBook load(Path library) {
        return new NativeOrderBook(SymbolLookup.libraryLookup(library, Arena.global()));
    }

    /**
     * Sums the quantities of a fill journal, in C (which decodes the big-endian fields).
     *
     * @param journal address of element 0 of a {@code FillBucket.allocArray(count)} array
     * @param count number of fills
     * @return the total quantity
     */
    public long fillQuantity(long journal, long count) {
        try {
            return (long) fillQuantity.invokeExact(MemorySegment.ofAddress(journal), count);
        } catch (Throwable e) {
            throw NativeCalls.propagate(e);
        }
    }

    /**
     * Counts one fill on the book's atomic counters, in C.
     *
     * @param book address of a {@code Book}
     * @param quantity the fill's quantity
     */
    public void countFill(long book, long quantity) {
        try {
            countFill.invokeExact(MemorySegment.ofAddress(book), quantity);
        } catch (Throwable e) {
            throw NativeCalls.propagate(e);
        }
    }

    /**
     * Describes the book with C's {@code snprintf}, straight from its struct.
     *
     * @param book address of a {@code Book}
     * @return e.g. {@code EURUSD bid 10850 ask 10851 fills 3}
     */
    public String describe(long book) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(128);
            int length = (int) describe.invokeExact(MemorySegment.ofAddress(book), out, out.byteSize());
            if (length < 0 || length >= out.byteSize()) {
                throw new IllegalStateException("orderbook_describe returned " + length);
            }
            return out.getString(0, StandardCharsets.UTF_8);
        } catch (Throwable e) {
            throw NativeCalls.propagate(e);
        }
    }
}
