package com.example;

import io.gmalloc.GMalloc;
import io.gmalloc.Region;
import io.gmalloc.annotations.Generated;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Off-heap storage for {@code com.example.Quote} structs, generated from its {@code @GMallocBucket}
 * declaration:
 * <pre>{@code
 * interface Quote {
 *     String symbol();  void symbol(String value);  // @Utf8(6)
 *     Side side();  void side(Side value);
 *     long[] sizes();  void sizes(long[] value);  // @Length(3)
 *     int hits();  void hits(int value);  // @Atomic
 * }
 * }</pre>
 *
 * <p>Each {@code Quote} is stored as this C struct (LP64, as gcc lays it out):
 * <pre>{@code
 * struct Quote {  // size 40, alignment 8
 *     char symbol[6];  // offset 0, UTF-8, NUL-padded
 *     uint8_t side;  // offset 6, ordinal of Side
 *     // 1 byte of padding
 *     int64_t sizes[3];  // offset 8
 *     int32_t hits;  // offset 32, atomic
 *     // 4 bytes of padding
 * };
 * }</pre>
 *
 * <p>Blocks come from gmalloc's general 40-byte bucket (the size is a multiple of 8 and at most
 * 512).
 * <p>All methods work on raw addresses, as in C: an address used after {@code free} is a bug. With
 * {@code -Dgmalloc.checked=true} every accessor first checks that the struct lies inside a live
 * gmalloc block and throws {@code io.gmalloc.InvalidAccessException} otherwise.
 */
@Generated(
        value = "io.gmalloc.processor.GMallocBucketProcessor",
        comments = "from @GMallocBucket record com.example.Quote"
)
public final class QuoteBucket {
    /**
     * The C layout of {@code Quote}: members {@code symbol}, {@code side}, {@code sizes},
     * {@code hits}, padding explicit.
     */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(6L, ValueLayout.JAVA_BYTE).withName("symbol"),
            ValueLayout.JAVA_BYTE.withName("side"),
            MemoryLayout.paddingLayout(1L),
            MemoryLayout.sequenceLayout(3L, ValueLayout.JAVA_LONG).withName("sizes"),
            ValueLayout.JAVA_INT.withName("hits"),
            MemoryLayout.paddingLayout(4L))
            .withName("Quote");

    /**
     * Bytes per {@code Quote}, trailing padding included; also the distance between blocks.
     */
    public static final long SIZE = 40L;

    /**
     * Alignment of {@code Quote}: its largest member alignment; every block is aligned to it.
     */
    public static final long ALIGNMENT = 8L;

    /**
     * Number of elements of {@code sizes}: its {@code @Length}.
     */
    public static final int SIZES_LENGTH = 3;

    /**
     * Byte offset of {@code symbol}.
     */
    private static final long symbol$OFFSET = 0L;

    /**
     * Byte offset of {@code side}.
     */
    private static final long side$OFFSET = 6L;

    /**
     * Byte offset of {@code sizes}.
     */
    private static final long sizes$OFFSET = 8L;

    /**
     * Byte offset of {@code hits}.
     */
    private static final long hits$OFFSET = 32L;

    /**
     * The whole address space; accessors read and write raw addresses through it.
     */
    private static final MemorySegment MEMORY$ = GMalloc.addressSpace();

    /**
     * {@code -Dgmalloc.checked=true}, read once so the JIT folds the check away when off.
     */
    private static final boolean CHECKED$ = GMalloc.checkedMode();

    /**
     * Volatile and atomic access to a naturally aligned {@code int} at an absolute address in
     * {@code MEMORY$}.
     */
    private static final VarHandle INT$ATOMIC = ValueLayout.JAVA_INT.varHandle();

    /**
     * The constants of {@code com.example.Side}, by ordinal (read once: {@code values()} copies).
     */
    private static final Side[] Side$VALUES = Side.values();

    /**
     * Static members only.
     */
    private QuoteBucket() {
    }

    /**
     * Allocates a zeroed {@code Quote} block from the general 40-byte bucket.
     *
     * @return the block's address; release it with {@link #free(long)}
     * @throws OutOfMemoryError if gmalloc cannot get memory (or would pass
     *     {@code -Dgmalloc.maxBytes})
     */
    public static long alloc() {
        return GMalloc.gmalloc(SIZE);
    }

    /**
     * Frees a block returned by {@link #alloc()}; {@code 0} is ignored.
     *
     * @param address the block's address
     * @throws io.gmalloc.InvalidFreeException if {@code address} is not a live block of gmalloc
     */
    public static void free(long address) {
        GMalloc.gfree(address);
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Quote} structs, {@code SIZE}
     * bytes apart, as one gmalloc block (not from this type's bucket).
     *
     * @param count number of elements, not negative
     * @return the address of element 0; address elements with {@link #elementAddress(long, long)}
     *     and release the array with {@link #freeArray(long)}
     * @throws IllegalArgumentException if {@code count} is negative or {@code count * SIZE}
     *     overflows
     */
    public static long allocArray(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("QuoteBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("QuoteBucket.allocArray: " + count + " elements of 40 bytes overflow a long");
        }
        return GMalloc.gcalloc(count, SIZE);
    }

    /**
     * Returns the address of element {@code index} of an array from {@link #allocArray(long)}, for
     * this class's accessors. No bounds check here; checked mode checks the accessors.
     *
     * @param base the array's address
     * @param index element index, {@code 0 <= index < count}
     * @return {@code base + index * SIZE}
     */
    public static long elementAddress(long base, long index) {
        return base + index * SIZE;
    }

    /**
     * Frees an array from {@link #allocArray(long)}; {@code 0} is ignored.
     *
     * @param base the array's address
     * @throws io.gmalloc.InvalidFreeException if {@code base} is not a live gmalloc block
     */
    public static void freeArray(long base) {
        GMalloc.gfree(base);
    }

    /**
     * Allocates a zeroed {@code Quote} block in {@code region}: it is freed when the region closes,
     * or earlier with {@link #free(long)}.
     *
     * @param region an open region of the calling thread
     * @return the block's address
     * @throws WrongThreadException if the caller is not the thread that opened {@code region}
     * @throws IllegalStateException if {@code region} is closed
     */
    public static long alloc(Region region) {
        return region.gmalloc(SIZE);
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Quote} structs in {@code region},
     * as one block of the region, freed when it closes or with {@link #freeArray(long)}.
     *
     * @param region an open region of the calling thread
     * @param count number of elements, not negative
     * @return the address of element 0
     * @throws IllegalArgumentException if {@code count} is negative or {@code count * SIZE}
     *     overflows
     * @throws WrongThreadException if the caller is not the thread that opened {@code region}
     * @throws IllegalStateException if {@code region} is closed
     */
    public static long allocArray(Region region, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("QuoteBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("QuoteBucket.allocArray: " + count + " elements of 40 bytes overflow a long");
        }
        return region.gcalloc(count, SIZE);
    }

    /**
     * Returns a {@code Quote} view of the struct at {@code address}; move it with
     * {@link Ref#moveTo(long)} to visit many structs with one object.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return a new flyweight
     */
    public static Ref ref(long address) {
        return new Ref(address);
    }

    /**
     * Reads {@code @Utf8(6) String symbol} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static String symbol(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return utf8$read(address + symbol$OFFSET, 6);
    }

    /**
     * Writes {@code @Utf8(6) String symbol} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     * @throws IllegalArgumentException if {@code value} is null, contains NUL or is more than 6
     *     bytes of UTF-8 (nothing is written)
     */
    public static void symbol(long address, String value) {
        utf8$encode("symbol", value, 6);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        utf8$write(address + symbol$OFFSET, utf8$encode("symbol", value, 6), 6);
    }

    /**
     * Reads {@code Side side} (offset 6).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     * @throws IllegalStateException if the stored ordinal is not a constant of {@code Side}
     */
    public static Side side(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return enum$Side(Byte.toUnsignedInt(MEMORY$.get(ValueLayout.JAVA_BYTE, address + side$OFFSET)));
    }

    /**
     * Writes {@code Side side} (offset 6).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     * @throws NullPointerException if {@code value} is null (nothing is written)
     */
    public static void side(long address, Side value) {
        Objects.requireNonNull(value, "component 'side' is null");
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + side$OFFSET, (byte) value.ordinal());
    }

    /**
     * Reads {@code @Length(3) long[] sizes} (offset 8) into a new array.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static long[] sizes(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return read$long(address + sizes$OFFSET, 3);
    }

    /**
     * Writes {@code @Length(3) long[] sizes} (offset 8).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     * @throws IllegalArgumentException if {@code value} does not have exactly {@code SIZES_LENGTH}
     *     elements (nothing is written)
     * @throws NullPointerException if {@code value} is null
     */
    public static void sizes(long address, long[] value) {
        length$("sizes", value.length, 3);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        write$long(address + sizes$OFFSET, value);
    }

    /**
     * Reads element {@code index} of {@code @Length(3) long[] sizes} (offset 8).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param index element index, {@code 0 <= index < SIZES_LENGTH}
     * @return the element
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, SIZES_LENGTH)}
     *     (always checked)
     */
    public static long sizes(long address, long index) {
        Objects.checkIndex(index, SIZES_LENGTH);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_LONG_UNALIGNED, address + sizes$OFFSET + index * 8L);
    }

    /**
     * Writes element {@code index} of {@code @Length(3) long[] sizes} (offset 8).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param index element index, {@code 0 <= index < SIZES_LENGTH}
     * @param value the new element
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, SIZES_LENGTH)}
     *     (always checked)
     */
    public static void sizes(long address, long index, long value) {
        Objects.checkIndex(index, SIZES_LENGTH);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_LONG_UNALIGNED, address + sizes$OFFSET + index * 8L, value);
    }

    /**
     * Returns the address of element 0 of {@code @Length(3) long[] sizes} (offset 8); element
     * {@code i} is {@code 8 * i} bytes further.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return {@code address} plus the component's offset
     */
    public static long sizesAddress(long address) {
        return address + sizes$OFFSET;
    }

    /**
     * Reads {@code @Atomic int hits} (offset 32).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static int hits(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_INT_UNALIGNED, address + hits$OFFSET);
    }

    /**
     * Writes {@code @Atomic int hits} (offset 32).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void hits(long address, int value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_INT_UNALIGNED, address + hits$OFFSET, value);
    }

    /**
     * Reads {@code @Atomic int hits} (offset 32) with volatile semantics
     * ({@code VarHandle.getVolatile}).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static int hitsVolatile(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return (int) INT$ATOMIC.getVolatile(MEMORY$, address + hits$OFFSET);
    }

    /**
     * Writes {@code @Atomic int hits} (offset 32) with volatile semantics
     * ({@code VarHandle.setVolatile}).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void hitsVolatile(long address, int value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        INT$ATOMIC.setVolatile(MEMORY$, address + hits$OFFSET, value);
    }

    /**
     * Atomically adds {@code delta} to {@code @Atomic int hits} (offset 32)
     * ({@code VarHandle.getAndAdd}).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param delta the amount to add (wraps around on overflow)
     * @return the value before the addition
     */
    public static int hitsGetAndAdd(long address, int delta) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return (int) INT$ATOMIC.getAndAdd(MEMORY$, address + hits$OFFSET, delta);
    }

    /**
     * Atomically sets {@code @Atomic int hits} (offset 32) to {@code value} if it is
     * {@code expected} ({@code VarHandle.compareAndSet}).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param expected the value the component must hold
     * @param value the new value
     * @return whether the component held {@code expected} and now holds {@code value}
     */
    public static boolean hitsCompareAndSet(long address, int expected, int value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return (boolean) INT$ATOMIC.compareAndSet(MEMORY$, address + hits$OFFSET, expected, value);
    }

    /**
     * Views the {@code Quote} at {@code address} as a segment of {@code SIZE} bytes (global scope:
     * it stays usable after {@link #free(long)}, like the raw address).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return a segment for use with {@link #LAYOUT}
     */
    public static MemorySegment segment(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.asSlice(address, SIZE);
    }

    /**
     * Maps a stored ordinal back to its constant.
     *
     * @param ordinal the stored value
     * @return the constant
     * @throws IllegalStateException if no constant has that ordinal (the memory was not written
     *     through an accessor of this enum)
     */
    private static Side enum$Side(int ordinal) {
        if (ordinal >= Side$VALUES.length) {
            throw new IllegalStateException("stored ordinal " + ordinal + " is not a constant of enum com.example.Side (" + Side$VALUES.length + " constants); the memory was not written by its accessors");
        }
        return Side$VALUES[ordinal];
    }

    /**
     * Throws unless an array to store has exactly the component's length.
     *
     * @param component the component's name
     * @param actual the array's length
     * @param expected the component's {@code @Length}
     */
    private static void length$(String component, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("component '" + component + "' holds exactly " + expected + " elements, but the array has " + actual + "; nothing was written");
        }
    }

    /**
     * Copies {@code length} {@code long} elements at {@code at} into a new array.
     *
     * @param at address of element 0
     * @param length element count
     * @return the copy
     */
    private static long[] read$long(long at, int length) {
        long[] array = new long[length];
        MemorySegment.copy(MEMORY$, ValueLayout.JAVA_LONG_UNALIGNED, at, array, 0, length);
        return array;
    }

    /**
     * Encodes a string for a {@code @Utf8} component, or throws before anything is written.
     *
     * @param component the component's name
     * @param value the string
     * @param capacity the component's {@code @Utf8} byte count
     * @return the UTF-8 bytes, at most {@code capacity}
     * @throws IllegalArgumentException if {@code value} is null, contains NUL or needs more than
     *     {@code capacity} bytes
     */
    private static byte[] utf8$encode(String component, String value, int capacity) {
        if (value == null) {
            throw new IllegalArgumentException("component '" + component + "' cannot store null (0 bytes of at most " + capacity + "); store \"\" for an empty string; nothing was written");
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > capacity) {
            throw new IllegalArgumentException("component '" + component + "': the string is " + bytes.length + " UTF-8 bytes, more than the " + capacity + " it holds; nothing was written");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new IllegalArgumentException("component '" + component + "': the string (" + bytes.length + " UTF-8 bytes, at most " + capacity + ") contains NUL, which would end it early; nothing was written");
            }
        }
        return bytes;
    }

    /**
     * Decodes a {@code @Utf8} component: the bytes up to the first NUL, or all {@code capacity}
     * bytes when there is none.
     *
     * @param at the component's address
     * @param capacity its byte count
     * @return the string
     */
    private static String utf8$read(long at, int capacity) {
        int length = 0;
        while (length < capacity && MEMORY$.get(ValueLayout.JAVA_BYTE, at + length) != 0) {
            length++;
        }
        byte[] bytes = new byte[length];
        MemorySegment.copy(MEMORY$, ValueLayout.JAVA_BYTE, at, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Writes encoded bytes and NUL-pads the rest of the component.
     *
     * @param at the component's address
     * @param bytes at most {@code capacity} bytes
     * @param capacity the component's byte count
     */
    private static void utf8$write(long at, byte[] bytes, int capacity) {
        MemorySegment.copy(bytes, 0, MEMORY$, ValueLayout.JAVA_BYTE, at, bytes.length);
        MEMORY$.asSlice(at + bytes.length, capacity - bytes.length).fill((byte) 0);
    }

    /**
     * Copies a checked array to {@code at}.
     *
     * @param at address of element 0
     * @param array elements, already checked
     */
    private static void write$long(long at, long[] array) {
        MemorySegment.copy(array, 0, MEMORY$, ValueLayout.JAVA_LONG_UNALIGNED, at, array.length);
    }

    /**
     * A {@code Quote} over the struct at an address: every method reads or writes off-heap memory
     * through {@code QuoteBucket}'s accessors. Not thread-safe; {@link #moveTo(long)} re-points it.
     */
    public static final class Ref implements Quote {
        /**
         * The struct this view reads and writes.
         */
        private long address;

        /**
         * Creates a view; see {@link QuoteBucket#ref(long)}.
         *
         * @param address the struct's address
         */
        private Ref(long address) {
            this.address = address;
        }

        /**
         * Returns the address of the struct this view shows.
         *
         * @return the address
         */
        public long address() {
            return address;
        }

        /**
         * Re-points this view to another struct.
         *
         * @param address the other struct's address
         * @return this view
         */
        public Ref moveTo(long address) {
            this.address = address;
            return this;
        }

        @Override
        public String symbol() {
            return QuoteBucket.symbol(address);
        }

        @Override
        public void symbol(String value) {
            QuoteBucket.symbol(address, value);
        }

        @Override
        public Side side() {
            return QuoteBucket.side(address);
        }

        @Override
        public void side(Side value) {
            QuoteBucket.side(address, value);
        }

        @Override
        public long[] sizes() {
            return QuoteBucket.sizes(address);
        }

        @Override
        public void sizes(long[] value) {
            QuoteBucket.sizes(address, value);
        }

        @Override
        public int hits() {
            return QuoteBucket.hits(address);
        }

        @Override
        public void hits(int value) {
            QuoteBucket.hits(address, value);
        }

        @Override
        public String toString() {
            return "Quote@0x" + Long.toHexString(address);
        }
    }
}
