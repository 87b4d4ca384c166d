package com.example;

import io.gmalloc.GMalloc;
import io.gmalloc.Region;
import io.gmalloc.annotations.Generated;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Off-heap storage for {@code com.example.Level} records, generated from its {@code @GMallocBucket}
 * declaration:
 * <pre>{@code
 * record Level(@Utf8(4) String venue, @Length(2) int[] qty, Side side)
 * }</pre>
 *
 * <p>Each {@code Level} is stored as this C struct (LP64, as gcc lays it out):
 * <pre>{@code
 * struct Level {  // size 16, alignment 4
 *     char venue[4];  // offset 0, UTF-8, NUL-padded
 *     int32_t qty[2];  // offset 4
 *     uint8_t side;  // offset 12, ordinal of Side
 *     // 3 bytes of padding
 * };
 * }</pre>
 *
 * <p>Blocks come from gmalloc's general 16-byte bucket (the size is a multiple of 8 and at most
 * 512).
 * <p>All methods work on raw addresses, as in C: an address used after {@code free} is a bug. With
 * {@code -Dgmalloc.checked=true} every accessor first checks that the struct lies inside a live
 * gmalloc block and throws {@code io.gmalloc.InvalidAccessException} otherwise.
 */
@Generated(
        value = "io.gmalloc.processor.GMallocBucketProcessor",
        comments = "from @GMallocBucket record com.example.Level"
)
public final class LevelBucket {
    /**
     * The C layout of {@code Level}: members {@code venue}, {@code qty}, {@code side}, padding
     * explicit.
     */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(4L, ValueLayout.JAVA_BYTE).withName("venue"),
            MemoryLayout.sequenceLayout(2L, ValueLayout.JAVA_INT).withName("qty"),
            ValueLayout.JAVA_BYTE.withName("side"),
            MemoryLayout.paddingLayout(3L))
            .withName("Level");

    /**
     * Bytes per {@code Level}, trailing padding included; also the distance between blocks.
     */
    public static final long SIZE = 16L;

    /**
     * Alignment of {@code Level}: its largest member alignment; every block is aligned to it.
     */
    public static final long ALIGNMENT = 4L;

    /**
     * Number of elements of {@code qty}: its {@code @Length}.
     */
    public static final int QTY_LENGTH = 2;

    /**
     * Byte offset of {@code venue}.
     */
    private static final long venue$OFFSET = 0L;

    /**
     * Byte offset of {@code qty}.
     */
    private static final long qty$OFFSET = 4L;

    /**
     * Byte offset of {@code side}.
     */
    private static final long side$OFFSET = 12L;

    /**
     * The whole address space; accessors read and write raw addresses through it.
     */
    private static final MemorySegment MEMORY$ = GMalloc.addressSpace();

    /**
     * {@code -Dgmalloc.checked=true}, read once so the JIT folds the check away when off.
     */
    private static final boolean CHECKED$ = GMalloc.checkedMode();

    /**
     * The constants of {@code com.example.Side}, by ordinal (read once: {@code values()} copies).
     */
    private static final Side[] Side$VALUES = Side.values();

    /**
     * Static members only.
     */
    private LevelBucket() {
    }

    /**
     * Allocates a zeroed {@code Level} block from the general 16-byte bucket.
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
    public static long alloc(Level value) {
        Objects.requireNonNull(value, "value");
        utf8$encode("venue", value.venue(), 4);
        length$("qty", value.qty().length, 2);
        Objects.requireNonNull(value.side(), "component 'side' is null");
        long address = alloc();
        utf8$write(address + venue$OFFSET, utf8$encode("venue", value.venue(), 4), 4);
        write$int(address + qty$OFFSET, value.qty());
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + side$OFFSET, (byte) value.side().ordinal());
        return address;
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Level} structs, {@code SIZE}
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
            throw new IllegalArgumentException("LevelBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("LevelBucket.allocArray: " + count + " elements of 16 bytes overflow a long");
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
     * Allocates a zeroed {@code Level} block in {@code region}: it is freed when the region closes,
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
    public static long alloc(Region region, Level value) {
        Objects.requireNonNull(value, "value");
        utf8$encode("venue", value.venue(), 4);
        length$("qty", value.qty().length, 2);
        Objects.requireNonNull(value.side(), "component 'side' is null");
        long address = alloc(region);
        utf8$write(address + venue$OFFSET, utf8$encode("venue", value.venue(), 4), 4);
        write$int(address + qty$OFFSET, value.qty());
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + side$OFFSET, (byte) value.side().ordinal());
        return address;
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Level} structs in {@code region},
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
            throw new IllegalArgumentException("LevelBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("LevelBucket.allocArray: " + count + " elements of 16 bytes overflow a long");
        }
        return region.gcalloc(count, SIZE);
    }

    /**
     * Reads the whole {@code Level} at {@code address} into a new record (arrays are fresh copies).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return a heap copy
     */
    public static Level load(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return new Level(
                utf8$read(address + venue$OFFSET, 4),
                read$int(address + qty$OFFSET, 2),
                enum$Side(Byte.toUnsignedInt(MEMORY$.get(ValueLayout.JAVA_BYTE, address + side$OFFSET))));
    }

    /**
     * Writes every component of {@code value} to the {@code Level} at {@code address}. Every
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
    public static void store(long address, Level value) {
        Objects.requireNonNull(value, "value");
        utf8$encode("venue", value.venue(), 4);
        length$("qty", value.qty().length, 2);
        Objects.requireNonNull(value.side(), "component 'side' is null");
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        utf8$write(address + venue$OFFSET, utf8$encode("venue", value.venue(), 4), 4);
        write$int(address + qty$OFFSET, value.qty());
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + side$OFFSET, (byte) value.side().ordinal());
    }

    /**
     * Reads {@code @Utf8(4) String venue} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static String venue(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return utf8$read(address + venue$OFFSET, 4);
    }

    /**
     * Writes {@code @Utf8(4) String venue} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     * @throws IllegalArgumentException if {@code value} is null, contains NUL or is more than 4
     *     bytes of UTF-8 (nothing is written)
     */
    public static void venue(long address, String value) {
        utf8$encode("venue", value, 4);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        utf8$write(address + venue$OFFSET, utf8$encode("venue", value, 4), 4);
    }

    /**
     * Reads {@code @Length(2) int[] qty} (offset 4) into a new array.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static int[] qty(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return read$int(address + qty$OFFSET, 2);
    }

    /**
     * Writes {@code @Length(2) int[] qty} (offset 4).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     * @throws IllegalArgumentException if {@code value} does not have exactly {@code QTY_LENGTH}
     *     elements (nothing is written)
     * @throws NullPointerException if {@code value} is null
     */
    public static void qty(long address, int[] value) {
        length$("qty", value.length, 2);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        write$int(address + qty$OFFSET, value);
    }

    /**
     * Reads element {@code index} of {@code @Length(2) int[] qty} (offset 4).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param index element index, {@code 0 <= index < QTY_LENGTH}
     * @return the element
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, QTY_LENGTH)} (always
     *     checked)
     */
    public static int qty(long address, long index) {
        Objects.checkIndex(index, QTY_LENGTH);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_INT_UNALIGNED, address + qty$OFFSET + index * 4L);
    }

    /**
     * Writes element {@code index} of {@code @Length(2) int[] qty} (offset 4).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param index element index, {@code 0 <= index < QTY_LENGTH}
     * @param value the new element
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, QTY_LENGTH)} (always
     *     checked)
     */
    public static void qty(long address, long index, int value) {
        Objects.checkIndex(index, QTY_LENGTH);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_INT_UNALIGNED, address + qty$OFFSET + index * 4L, value);
    }

    /**
     * Returns the address of element 0 of {@code @Length(2) int[] qty} (offset 4); element
     * {@code i} is {@code 4 * i} bytes further.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return {@code address} plus the component's offset
     */
    public static long qtyAddress(long address) {
        return address + qty$OFFSET;
    }

    /**
     * Reads {@code Side side} (offset 12).
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
     * Writes {@code Side side} (offset 12).
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
     * Views the {@code Level} at {@code address} as a segment of {@code SIZE} bytes (global scope:
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
    private static void write$int(long at, int[] array) {
        MemorySegment.copy(array, 0, MEMORY$, ValueLayout.JAVA_INT_UNALIGNED, at, array.length);
    }
}
