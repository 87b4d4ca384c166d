package com.example;

import io.gmalloc.GMalloc;
import io.gmalloc.Region;
import io.gmalloc.annotations.Generated;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Off-heap storage for {@code com.example.Order} records, generated from its {@code @GMallocBucket}
 * declaration:
 * <pre>{@code
 * record Order(
 *         @Utf8(8) String symbol,
 *         Side side,
 *         @Length(4) int[] levels,
 *         @Length(2) Vec3[] corners,
 *         @BigEndian int seq,
 *         @Atomic long fills,
 *         @Length(2) @BigEndian short[] ports,
 *         @Length(3) boolean[] flags,
 *         @Atomic int hits)
 * }</pre>
 *
 * <p>Each {@code Order} is stored as this C struct (LP64, as gcc lays it out):
 * <pre>{@code
 * struct Order {  // size 80, alignment 8
 *     char symbol[8];  // offset 0, UTF-8, NUL-padded
 *     uint8_t side;  // offset 8, ordinal of Side
 *     // 3 bytes of padding
 *     int32_t levels[4];  // offset 12
 *     struct Vec3 corners[2];  // offset 28
 *     int32_t seq;  // offset 52, big-endian
 *     int64_t fills;  // offset 56, atomic
 *     int16_t ports[2];  // offset 64, big-endian
 *     uint8_t flags[3];  // offset 68
 *     // 1 byte of padding
 *     int32_t hits;  // offset 72, atomic
 *     // 4 bytes of padding
 * };
 * }</pre>
 *
 * <p>Blocks come from gmalloc's general 80-byte bucket (the size is a multiple of 8 and at most
 * 512).
 * <p>All methods work on raw addresses, as in C: an address used after {@code free} is a bug. With
 * {@code -Dgmalloc.checked=true} every accessor first checks that the struct lies inside a live
 * gmalloc block and throws {@code io.gmalloc.InvalidAccessException} otherwise.
 */
@Generated(
        value = "io.gmalloc.processor.GMallocBucketProcessor",
        comments = "from @GMallocBucket record com.example.Order"
)
public final class OrderBucket {
    /**
     * The C layout of the nested {@code com.example.Vec3}.
     */
    private static final StructLayout Vec3$LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_FLOAT.withName("x"),
            ValueLayout.JAVA_FLOAT.withName("y"),
            ValueLayout.JAVA_FLOAT.withName("z"))
            .withName("Vec3");

    /**
     * The C layout of {@code Order}: members {@code symbol}, {@code side}, {@code levels},
     * {@code corners}, {@code seq}, {@code fills}, {@code ports}, {@code flags}, {@code hits},
     * padding explicit.
     */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(8L, ValueLayout.JAVA_BYTE).withName("symbol"),
            ValueLayout.JAVA_BYTE.withName("side"),
            MemoryLayout.paddingLayout(3L),
            MemoryLayout.sequenceLayout(4L, ValueLayout.JAVA_INT).withName("levels"),
            MemoryLayout.sequenceLayout(2L, Vec3$LAYOUT).withName("corners"),
            ValueLayout.JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN).withName("seq"),
            ValueLayout.JAVA_LONG.withName("fills"),
            MemoryLayout.sequenceLayout(2L, ValueLayout.JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN)).withName("ports"),
            MemoryLayout.sequenceLayout(3L, ValueLayout.JAVA_BOOLEAN).withName("flags"),
            MemoryLayout.paddingLayout(1L),
            ValueLayout.JAVA_INT.withName("hits"),
            MemoryLayout.paddingLayout(4L))
            .withName("Order");

    /**
     * Bytes per {@code Order}, trailing padding included; also the distance between blocks.
     */
    public static final long SIZE = 80L;

    /**
     * Alignment of {@code Order}: its largest member alignment; every block is aligned to it.
     */
    public static final long ALIGNMENT = 8L;

    /**
     * Number of elements of {@code levels}: its {@code @Length}.
     */
    public static final int LEVELS_LENGTH = 4;

    /**
     * Number of elements of {@code corners}: its {@code @Length}.
     */
    public static final int CORNERS_LENGTH = 2;

    /**
     * Number of elements of {@code ports}: its {@code @Length}.
     */
    public static final int PORTS_LENGTH = 2;

    /**
     * Number of elements of {@code flags}: its {@code @Length}.
     */
    public static final int FLAGS_LENGTH = 3;

    /**
     * Byte offset of {@code symbol}.
     */
    private static final long symbol$OFFSET = 0L;

    /**
     * Byte offset of {@code side}.
     */
    private static final long side$OFFSET = 8L;

    /**
     * Byte offset of {@code levels}.
     */
    private static final long levels$OFFSET = 12L;

    /**
     * Byte offset of {@code corners}.
     */
    private static final long corners$OFFSET = 28L;

    /**
     * Byte offset of {@code seq}.
     */
    private static final long seq$OFFSET = 52L;

    /**
     * Byte offset of {@code fills}.
     */
    private static final long fills$OFFSET = 56L;

    /**
     * Byte offset of {@code ports}.
     */
    private static final long ports$OFFSET = 64L;

    /**
     * Byte offset of {@code flags}.
     */
    private static final long flags$OFFSET = 68L;

    /**
     * Byte offset of {@code hits}.
     */
    private static final long hits$OFFSET = 72L;

    /**
     * The whole address space; accessors read and write raw addresses through it.
     */
    private static final MemorySegment MEMORY$ = GMalloc.addressSpace();

    /**
     * {@code -Dgmalloc.checked=true}, read once so the JIT folds the check away when off.
     */
    private static final boolean CHECKED$ = GMalloc.checkedMode();

    /**
     * {@code int} in big-endian order, for accessors of {@code @BigEndian} components.
     */
    private static final ValueLayout.OfInt INT$BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /**
     * {@code short} in big-endian order, for accessors of {@code @BigEndian} components.
     */
    private static final ValueLayout.OfShort SHORT$BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /**
     * Volatile and atomic access to a naturally aligned {@code int} at an absolute address in
     * {@code MEMORY$}.
     */
    private static final VarHandle INT$ATOMIC = ValueLayout.JAVA_INT.varHandle();

    /**
     * Volatile and atomic access to a naturally aligned {@code long} at an absolute address in
     * {@code MEMORY$}.
     */
    private static final VarHandle LONG$ATOMIC = ValueLayout.JAVA_LONG.varHandle();

    /**
     * The constants of {@code com.example.Side}, by ordinal (read once: {@code values()} copies).
     */
    private static final Side[] Side$VALUES = Side.values();

    /**
     * Static members only.
     */
    private OrderBucket() {
    }

    /**
     * Allocates a zeroed {@code Order} block from the general 80-byte bucket.
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
     * Allocates a block and stores {@code value} in it; {@code value} is checked first, so a value
     * that cannot be stored allocates nothing.
     *
     * @param value the record to copy off-heap
     * @return the block's address; release it with {@link #free(long)}
     * @throws NullPointerException if {@code value} or a record, enum or array in it is null
     * @throws IllegalArgumentException if a string or array component does not fit (see
     *     {@link #store})
     */
    public static long alloc(Order value) {
        Objects.requireNonNull(value, "value");
        utf8$encode("symbol", value.symbol(), 8);
        Objects.requireNonNull(value.side(), "component 'side' is null");
        length$("levels", value.levels().length, 4);
        length$("corners", value.corners().length, 2);
        for (Vec3 element : value.corners()) {
            Objects.requireNonNull(element, "component 'corners' has a null element");
        }
        length$("ports", value.ports().length, 2);
        length$("flags", value.flags().length, 3);
        long address = alloc();
        utf8$write(address + symbol$OFFSET, utf8$encode("symbol", value.symbol(), 8), 8);
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + side$OFFSET, (byte) value.side().ordinal());
        write$int(address + levels$OFFSET, value.levels());
        write$Vec3(address + corners$OFFSET, value.corners());
        MEMORY$.set(INT$BE, address + seq$OFFSET, value.seq());
        MEMORY$.set(ValueLayout.JAVA_LONG_UNALIGNED, address + fills$OFFSET, value.fills());
        write$short$BE(address + ports$OFFSET, value.ports());
        write$boolean(address + flags$OFFSET, value.flags());
        MEMORY$.set(ValueLayout.JAVA_INT_UNALIGNED, address + hits$OFFSET, value.hits());
        return address;
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Order} structs, {@code SIZE}
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
            throw new IllegalArgumentException("OrderBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("OrderBucket.allocArray: " + count + " elements of 80 bytes overflow a long");
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
     * Allocates a zeroed {@code Order} block in {@code region}: it is freed when the region closes,
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
     * Allocates a block in {@code region} and stores {@code value} in it; {@code value} is checked
     * first, so a value that cannot be stored allocates nothing.
     *
     * @param region an open region of the calling thread
     * @param value the record to copy off-heap
     * @return the block's address
     * @throws NullPointerException if {@code value} or a record, enum or array in it is null
     * @throws IllegalArgumentException if a string or array component does not fit (see
     *     {@link #store})
     * @throws WrongThreadException if the caller is not the thread that opened {@code region}
     * @throws IllegalStateException if {@code region} is closed
     */
    public static long alloc(Region region, Order value) {
        Objects.requireNonNull(value, "value");
        utf8$encode("symbol", value.symbol(), 8);
        Objects.requireNonNull(value.side(), "component 'side' is null");
        length$("levels", value.levels().length, 4);
        length$("corners", value.corners().length, 2);
        for (Vec3 element : value.corners()) {
            Objects.requireNonNull(element, "component 'corners' has a null element");
        }
        length$("ports", value.ports().length, 2);
        length$("flags", value.flags().length, 3);
        long address = alloc(region);
        utf8$write(address + symbol$OFFSET, utf8$encode("symbol", value.symbol(), 8), 8);
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + side$OFFSET, (byte) value.side().ordinal());
        write$int(address + levels$OFFSET, value.levels());
        write$Vec3(address + corners$OFFSET, value.corners());
        MEMORY$.set(INT$BE, address + seq$OFFSET, value.seq());
        MEMORY$.set(ValueLayout.JAVA_LONG_UNALIGNED, address + fills$OFFSET, value.fills());
        write$short$BE(address + ports$OFFSET, value.ports());
        write$boolean(address + flags$OFFSET, value.flags());
        MEMORY$.set(ValueLayout.JAVA_INT_UNALIGNED, address + hits$OFFSET, value.hits());
        return address;
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Order} structs in {@code region},
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
            throw new IllegalArgumentException("OrderBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("OrderBucket.allocArray: " + count + " elements of 80 bytes overflow a long");
        }
        return region.gcalloc(count, SIZE);
    }

    /**
     * Reads the whole {@code Order} at {@code address} into a new record (arrays are fresh copies).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return a heap copy
     */
    public static Order load(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return new Order(
                utf8$read(address + symbol$OFFSET, 8),
                enum$Side(Byte.toUnsignedInt(MEMORY$.get(ValueLayout.JAVA_BYTE, address + side$OFFSET))),
                read$int(address + levels$OFFSET, 4),
                read$Vec3(address + corners$OFFSET, 2),
                MEMORY$.get(INT$BE, address + seq$OFFSET),
                MEMORY$.get(ValueLayout.JAVA_LONG_UNALIGNED, address + fills$OFFSET),
                read$short$BE(address + ports$OFFSET, 2),
                read$boolean(address + flags$OFFSET, 3),
                MEMORY$.get(ValueLayout.JAVA_INT_UNALIGNED, address + hits$OFFSET));
    }

    /**
     * Writes every component of {@code value} to the {@code Order} at {@code address}. Every
     * component is checked before the first byte is written, so a value that cannot be stored
     * changes nothing.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the record to copy
     * @throws NullPointerException if {@code value} or a record, enum or array in it is null
     * @throws IllegalArgumentException if a {@code @Utf8} string is too long, contains NUL or is
     *     null, or an array's length is not its {@code @Length}
     */
    public static void store(long address, Order value) {
        Objects.requireNonNull(value, "value");
        utf8$encode("symbol", value.symbol(), 8);
        Objects.requireNonNull(value.side(), "component 'side' is null");
        length$("levels", value.levels().length, 4);
        length$("corners", value.corners().length, 2);
        for (Vec3 element : value.corners()) {
            Objects.requireNonNull(element, "component 'corners' has a null element");
        }
        length$("ports", value.ports().length, 2);
        length$("flags", value.flags().length, 3);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        utf8$write(address + symbol$OFFSET, utf8$encode("symbol", value.symbol(), 8), 8);
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + side$OFFSET, (byte) value.side().ordinal());
        write$int(address + levels$OFFSET, value.levels());
        write$Vec3(address + corners$OFFSET, value.corners());
        MEMORY$.set(INT$BE, address + seq$OFFSET, value.seq());
        MEMORY$.set(ValueLayout.JAVA_LONG_UNALIGNED, address + fills$OFFSET, value.fills());
        write$short$BE(address + ports$OFFSET, value.ports());
        write$boolean(address + flags$OFFSET, value.flags());
        MEMORY$.set(ValueLayout.JAVA_INT_UNALIGNED, address + hits$OFFSET, value.hits());
    }

    /**
     * Reads {@code @Utf8(8) String symbol} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static String symbol(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return utf8$read(address + symbol$OFFSET, 8);
    }

    /**
     * Writes {@code @Utf8(8) String symbol} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     * @throws IllegalArgumentException if {@code value} is null, contains NUL or is more than 8
     *     bytes of UTF-8 (nothing is written)
     */
    public static void symbol(long address, String value) {
        utf8$encode("symbol", value, 8);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        utf8$write(address + symbol$OFFSET, utf8$encode("symbol", value, 8), 8);
    }

    /**
     * Reads {@code Side side} (offset 8).
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
     * Writes {@code Side side} (offset 8).
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
     * Reads {@code @Length(4) int[] levels} (offset 12) into a new array.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static int[] levels(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return read$int(address + levels$OFFSET, 4);
    }

    /**
     * Writes {@code @Length(4) int[] levels} (offset 12).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     * @throws IllegalArgumentException if {@code value} does not have exactly {@code LEVELS_LENGTH}
     *     elements (nothing is written)
     * @throws NullPointerException if {@code value} is null
     */
    public static void levels(long address, int[] value) {
        length$("levels", value.length, 4);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        write$int(address + levels$OFFSET, value);
    }

    /**
     * Reads element {@code index} of {@code @Length(4) int[] levels} (offset 12).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param index element index, {@code 0 <= index < LEVELS_LENGTH}
     * @return the element
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, LEVELS_LENGTH)}
     *     (always checked)
     */
    public static int levels(long address, long index) {
        Objects.checkIndex(index, LEVELS_LENGTH);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_INT_UNALIGNED, address + levels$OFFSET + index * 4L);
    }

    /**
     * Writes element {@code index} of {@code @Length(4) int[] levels} (offset 12).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param index element index, {@code 0 <= index < LEVELS_LENGTH}
     * @param value the new element
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, LEVELS_LENGTH)}
     *     (always checked)
     */
    public static void levels(long address, long index, int value) {
        Objects.checkIndex(index, LEVELS_LENGTH);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_INT_UNALIGNED, address + levels$OFFSET + index * 4L, value);
    }

    /**
     * Returns the address of element 0 of {@code @Length(4) int[] levels} (offset 12); element
     * {@code i} is {@code 4 * i} bytes further.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return {@code address} plus the component's offset
     */
    public static long levelsAddress(long address) {
        return address + levels$OFFSET;
    }

    /**
     * Reads {@code @Length(2) Vec3[] corners} (offset 28) into a new array.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static Vec3[] corners(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return read$Vec3(address + corners$OFFSET, 2);
    }

    /**
     * Writes {@code @Length(2) Vec3[] corners} (offset 28).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     * @throws IllegalArgumentException if {@code value} does not have exactly
     *     {@code CORNERS_LENGTH} elements (nothing is written)
     * @throws NullPointerException if {@code value} or an element is null
     */
    public static void corners(long address, Vec3[] value) {
        length$("corners", value.length, 2);
        for (Vec3 element : value) {
            Objects.requireNonNull(element, "component 'corners' has a null element");
        }
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        write$Vec3(address + corners$OFFSET, value);
    }

    /**
     * Reads element {@code index} of {@code @Length(2) Vec3[] corners} (offset 28).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param index element index, {@code 0 <= index < CORNERS_LENGTH}
     * @return the element
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, CORNERS_LENGTH)}
     *     (always checked)
     */
    public static Vec3 corners(long address, long index) {
        Objects.checkIndex(index, CORNERS_LENGTH);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return load$Vec3(address + corners$OFFSET + index * 12L);
    }

    /**
     * Writes element {@code index} of {@code @Length(2) Vec3[] corners} (offset 28).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param index element index, {@code 0 <= index < CORNERS_LENGTH}
     * @param value the new element
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, CORNERS_LENGTH)}
     *     (always checked)
     * @throws NullPointerException if {@code value} is null
     */
    public static void corners(long address, long index, Vec3 value) {
        Objects.checkIndex(index, CORNERS_LENGTH);
        Objects.requireNonNull(value, "component 'corners' cannot hold a null element");
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        store$Vec3(address + corners$OFFSET + index * 12L, value);
    }

    /**
     * Returns the address of element 0 of {@code @Length(2) Vec3[] corners} (offset 28); element
     * {@code i} is {@code 12 * i} bytes further.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return {@code address} plus the component's offset
     */
    public static long cornersAddress(long address) {
        return address + corners$OFFSET;
    }

    /**
     * Reads {@code @BigEndian int seq} (offset 52).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static int seq(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(INT$BE, address + seq$OFFSET);
    }

    /**
     * Writes {@code @BigEndian int seq} (offset 52).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void seq(long address, int value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(INT$BE, address + seq$OFFSET, value);
    }

    /**
     * Reads {@code @Atomic long fills} (offset 56).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static long fills(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_LONG_UNALIGNED, address + fills$OFFSET);
    }

    /**
     * Writes {@code @Atomic long fills} (offset 56).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void fills(long address, long value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_LONG_UNALIGNED, address + fills$OFFSET, value);
    }

    /**
     * Reads {@code @Atomic long fills} (offset 56) with volatile semantics
     * ({@code VarHandle.getVolatile}).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static long fillsVolatile(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return (long) LONG$ATOMIC.getVolatile(MEMORY$, address + fills$OFFSET);
    }

    /**
     * Writes {@code @Atomic long fills} (offset 56) with volatile semantics
     * ({@code VarHandle.setVolatile}).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void fillsVolatile(long address, long value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        LONG$ATOMIC.setVolatile(MEMORY$, address + fills$OFFSET, value);
    }

    /**
     * Atomically adds {@code delta} to {@code @Atomic long fills} (offset 56)
     * ({@code VarHandle.getAndAdd}).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param delta the amount to add (wraps around on overflow)
     * @return the value before the addition
     */
    public static long fillsGetAndAdd(long address, long delta) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return (long) LONG$ATOMIC.getAndAdd(MEMORY$, address + fills$OFFSET, delta);
    }

    /**
     * Atomically sets {@code @Atomic long fills} (offset 56) to {@code value} if it is
     * {@code expected} ({@code VarHandle.compareAndSet}).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param expected the value the component must hold
     * @param value the new value
     * @return whether the component held {@code expected} and now holds {@code value}
     */
    public static boolean fillsCompareAndSet(long address, long expected, long value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return (boolean) LONG$ATOMIC.compareAndSet(MEMORY$, address + fills$OFFSET, expected, value);
    }

    /**
     * Reads {@code @Length(2) @BigEndian short[] ports} (offset 64) into a new array.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static short[] ports(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return read$short$BE(address + ports$OFFSET, 2);
    }

    /**
     * Writes {@code @Length(2) @BigEndian short[] ports} (offset 64).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     * @throws IllegalArgumentException if {@code value} does not have exactly {@code PORTS_LENGTH}
     *     elements (nothing is written)
     * @throws NullPointerException if {@code value} is null
     */
    public static void ports(long address, short[] value) {
        length$("ports", value.length, 2);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        write$short$BE(address + ports$OFFSET, value);
    }

    /**
     * Reads element {@code index} of {@code @Length(2) @BigEndian short[] ports} (offset 64).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param index element index, {@code 0 <= index < PORTS_LENGTH}
     * @return the element
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, PORTS_LENGTH)}
     *     (always checked)
     */
    public static short ports(long address, long index) {
        Objects.checkIndex(index, PORTS_LENGTH);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(SHORT$BE, address + ports$OFFSET + index * 2L);
    }

    /**
     * Writes element {@code index} of {@code @Length(2) @BigEndian short[] ports} (offset 64).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param index element index, {@code 0 <= index < PORTS_LENGTH}
     * @param value the new element
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, PORTS_LENGTH)}
     *     (always checked)
     */
    public static void ports(long address, long index, short value) {
        Objects.checkIndex(index, PORTS_LENGTH);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(SHORT$BE, address + ports$OFFSET + index * 2L, value);
    }

    /**
     * Returns the address of element 0 of {@code @Length(2) @BigEndian short[] ports} (offset 64);
     * element {@code i} is {@code 2 * i} bytes further.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return {@code address} plus the component's offset
     */
    public static long portsAddress(long address) {
        return address + ports$OFFSET;
    }

    /**
     * Reads {@code @Length(3) boolean[] flags} (offset 68) into a new array.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static boolean[] flags(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return read$boolean(address + flags$OFFSET, 3);
    }

    /**
     * Writes {@code @Length(3) boolean[] flags} (offset 68).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     * @throws IllegalArgumentException if {@code value} does not have exactly {@code FLAGS_LENGTH}
     *     elements (nothing is written)
     * @throws NullPointerException if {@code value} is null
     */
    public static void flags(long address, boolean[] value) {
        length$("flags", value.length, 3);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        write$boolean(address + flags$OFFSET, value);
    }

    /**
     * Reads element {@code index} of {@code @Length(3) boolean[] flags} (offset 68).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param index element index, {@code 0 <= index < FLAGS_LENGTH}
     * @return the element
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, FLAGS_LENGTH)}
     *     (always checked)
     */
    public static boolean flags(long address, long index) {
        Objects.checkIndex(index, FLAGS_LENGTH);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_BYTE, address + flags$OFFSET + index * 1L) != 0;
    }

    /**
     * Writes element {@code index} of {@code @Length(3) boolean[] flags} (offset 68).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param index element index, {@code 0 <= index < FLAGS_LENGTH}
     * @param value the new element
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, FLAGS_LENGTH)}
     *     (always checked)
     */
    public static void flags(long address, long index, boolean value) {
        Objects.checkIndex(index, FLAGS_LENGTH);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + flags$OFFSET + index * 1L, (byte) (value ? 1 : 0));
    }

    /**
     * Returns the address of element 0 of {@code @Length(3) boolean[] flags} (offset 68); element
     * {@code i} is {@code 1 * i} bytes further.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return {@code address} plus the component's offset
     */
    public static long flagsAddress(long address) {
        return address + flags$OFFSET;
    }

    /**
     * Reads {@code @Atomic int hits} (offset 72).
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
     * Writes {@code @Atomic int hits} (offset 72).
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
     * Reads {@code @Atomic int hits} (offset 72) with volatile semantics
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
     * Writes {@code @Atomic int hits} (offset 72) with volatile semantics
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
     * Atomically adds {@code delta} to {@code @Atomic int hits} (offset 72)
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
     * Atomically sets {@code @Atomic int hits} (offset 72) to {@code value} if it is
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
     * Views the {@code Order} at {@code address} as a segment of {@code SIZE} bytes (global scope:
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
     * Reads a nested {@code Vec3} (no check: the caller checked the enclosing struct).
     *
     * @param address the nested struct's address
     * @return a heap copy
     */
    private static Vec3 load$Vec3(long address) {
        return new Vec3(
                MEMORY$.get(ValueLayout.JAVA_FLOAT_UNALIGNED, address + 0L),
                MEMORY$.get(ValueLayout.JAVA_FLOAT_UNALIGNED, address + 4L),
                MEMORY$.get(ValueLayout.JAVA_FLOAT_UNALIGNED, address + 8L));
    }

    /**
     * Writes a nested {@code Vec3} that was checked already (no address check either: the caller
     * checked the enclosing struct).
     *
     * @param address the nested struct's address
     * @param value the record to copy
     */
    private static void store$Vec3(long address, Vec3 value) {
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + 0L, value.x());
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + 4L, value.y());
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + 8L, value.z());
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
     * Copies {@code length} {@code com.example.Vec3} elements at {@code at} into a new array.
     *
     * @param at address of element 0
     * @param length element count
     * @return the copy
     */
    private static Vec3[] read$Vec3(long at, int length) {
        Vec3[] array = new Vec3[length];
        for (int i = 0; i < length; i++) {
            array[i] = load$Vec3(at + i * 12L);
        }
        return array;
    }

    /**
     * Copies {@code length} {@code boolean} elements at {@code at} into a new array.
     *
     * @param at address of element 0
     * @param length element count
     * @return the copy
     */
    private static boolean[] read$boolean(long at, int length) {
        boolean[] array = new boolean[length];
        for (int i = 0; i < length; i++) {
            array[i] = MEMORY$.get(ValueLayout.JAVA_BYTE, at + i * 1L) != 0;
        }
        return array;
    }

    /**
     * Copies {@code length} {@code int} elements at {@code at} into a new array.
     *
     * @param at address of element 0
     * @param length element count
     * @return the copy
     */
    private static int[] read$int(long at, int length) {
        int[] array = new int[length];
        MemorySegment.copy(MEMORY$, ValueLayout.JAVA_INT_UNALIGNED, at, array, 0, length);
        return array;
    }

    /**
     * Copies {@code length} {@code short} elements at {@code at} into a new array.
     *
     * @param at address of element 0
     * @param length element count
     * @return the copy
     */
    private static short[] read$short$BE(long at, int length) {
        short[] array = new short[length];
        MemorySegment.copy(MEMORY$, SHORT$BE, at, array, 0, length);
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
    private static void write$Vec3(long at, Vec3[] array) {
        for (int i = 0; i < array.length; i++) {
            store$Vec3(at + i * 12L, array[i]);
        }
    }

    /**
     * Copies a checked array to {@code at}.
     *
     * @param at address of element 0
     * @param array elements, already checked
     */
    private static void write$boolean(long at, boolean[] array) {
        for (int i = 0; i < array.length; i++) {
            MEMORY$.set(ValueLayout.JAVA_BYTE, at + i * 1L, (byte) (array[i] ? 1 : 0));
        }
    }

    /**
     * Copies a checked array to {@code at}.
     *
     * @param at address of element 0
     * @param array elements, already checked
     */
    private static void write$int(long at, int[] array) {
        MemorySegment.copy(array, 0, MEMORY$, ValueLayout.JAVA_INT_UNALIGNED, at, array.length);
    }

    /**
     * Copies a checked array to {@code at}.
     *
     * @param at address of element 0
     * @param array elements, already checked
     */
    private static void write$short$BE(long at, short[] array) {
        MemorySegment.copy(array, 0, MEMORY$, SHORT$BE, at, array.length);
    }
}
