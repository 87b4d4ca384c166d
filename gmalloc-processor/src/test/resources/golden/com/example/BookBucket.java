package com.example;

import io.gmalloc.GMalloc;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.Region;
import io.gmalloc.SpecialBucket;
import io.gmalloc.annotations.Generated;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Off-heap storage for {@code com.example.Book} records, generated from its {@code @GMallocBucket}
 * declaration:
 * <pre>{@code
 * record Book(Level best, @Length(2) Level[] depth, @Atomic int fills)
 * }</pre>
 *
 * <p>Each {@code Book} is stored as this C struct (LP64, as gcc lays it out):
 * <pre>{@code
 * struct Book {  // size 52, alignment 4
 *     struct Level best;  // offset 0
 *     struct Level depth[2];  // offset 16
 *     int32_t fills;  // offset 48, atomic
 * };
 * }</pre>
 *
 * <p>Blocks come from a dedicated {@code SpecialBucket} with a stride of exactly 52 bytes, so no
 * byte is lost to rounding.
 * <p>All methods work on raw addresses, as in C: an address used after {@code free} is a bug. With
 * {@code -Dgmalloc.checked=true} every accessor first checks that the struct lies inside a live
 * gmalloc block and throws {@code io.gmalloc.InvalidAccessException} otherwise.
 */
@Generated(
        value = "io.gmalloc.processor.GMallocBucketProcessor",
        comments = "from @GMallocBucket record com.example.Book"
)
public final class BookBucket {
    /**
     * The C layout of the nested {@code com.example.Level}.
     */
    private static final StructLayout Level$LAYOUT = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(4L, ValueLayout.JAVA_BYTE).withName("venue"),
            MemoryLayout.sequenceLayout(2L, ValueLayout.JAVA_INT).withName("qty"),
            ValueLayout.JAVA_BYTE.withName("side"),
            MemoryLayout.paddingLayout(3L))
            .withName("Level");

    /**
     * The C layout of {@code Book}: members {@code best}, {@code depth}, {@code fills}, padding
     * explicit.
     */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            Level$LAYOUT.withName("best"),
            MemoryLayout.sequenceLayout(2L, Level$LAYOUT).withName("depth"),
            ValueLayout.JAVA_INT.withName("fills"))
            .withName("Book");

    /**
     * Bytes per {@code Book}, trailing padding included; also the distance between blocks.
     */
    public static final long SIZE = 52L;

    /**
     * Alignment of {@code Book}: its largest member alignment; every block is aligned to it.
     */
    public static final long ALIGNMENT = 4L;

    /**
     * Number of elements of {@code depth}: its {@code @Length}.
     */
    public static final int DEPTH_LENGTH = 2;

    /**
     * Byte offset of {@code best}.
     */
    private static final long best$OFFSET = 0L;

    /**
     * Byte offset of {@code depth}.
     */
    private static final long depth$OFFSET = 16L;

    /**
     * Byte offset of {@code fills}.
     */
    private static final long fills$OFFSET = 48L;

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
     * This type's own bucket: blocks exactly {@code SIZE} bytes apart.
     */
    private static final SpecialBucket BUCKET$ = new SpecialBucket("com.example.Book", SIZE, ALIGNMENT);

    /**
     * Static members only.
     */
    private BookBucket() {
    }

    /**
     * Allocates a zeroed {@code Book} block from this type's own bucket ({@code SIZE} bytes apart).
     *
     * @return the block's address; release it with {@link #free(long)}
     * @throws OutOfMemoryError if gmalloc cannot get memory (or would pass
     *     {@code -Dgmalloc.maxBytes})
     */
    public static long alloc() {
        return BUCKET$.alloc();
    }

    /**
     * Frees a block returned by {@link #alloc()}; {@code 0} is ignored.
     *
     * @param address the block's address
     * @throws io.gmalloc.InvalidFreeException if {@code address} is not a live block of this bucket
     *     (an array from {@link #allocArray(long)} is freed with {@link #freeArray(long)})
     */
    public static void free(long address) {
        if (address != 0) {
            try {
                BUCKET$.free(address);
            } catch (InvalidFreeException e) {
                throw free$failed(e);
            }
        }
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
    public static long alloc(Book value) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(value.best(), "component 'best' is null");
        check$Level(value.best());
        length$("depth", value.depth().length, 2);
        for (Level element : value.depth()) {
            Objects.requireNonNull(element, "component 'depth' has a null element");
            check$Level(element);
        }
        long address = alloc();
        store$Level(address + best$OFFSET, value.best());
        write$Level(address + depth$OFFSET, value.depth());
        MEMORY$.set(ValueLayout.JAVA_INT_UNALIGNED, address + fills$OFFSET, value.fills());
        return address;
    }

    /**
     * Explains a wrong-bucket free: the usual cause is an array's base.
     *
     * @param e what the bucket threw
     * @return the exception to throw
     */
    private static InvalidFreeException free$failed(InvalidFreeException e) {
        if (e.reason() != InvalidFreeException.Reason.WRONG_BUCKET) {
            return e;
        }
        return new InvalidFreeException(e.address(), e.reason(), "BookBucket.free: " + e.getMessage() + " (a block from allocArray is freed with freeArray(long))");
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Book} structs, {@code SIZE} bytes
     * apart, as one gmalloc block (not from this type's bucket).
     *
     * @param count number of elements, not negative
     * @return the address of element 0; address elements with {@link #elementAddress(long, long)}
     *     and release the array with {@link #freeArray(long)}
     * @throws IllegalArgumentException if {@code count} is negative or {@code count * SIZE}
     *     overflows
     */
    public static long allocArray(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("BookBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("BookBucket.allocArray: " + count + " elements of 52 bytes overflow a long");
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
     * @throws io.gmalloc.InvalidFreeException if {@code base} is not a live gmalloc block, or is a
     *     single block from {@link #alloc()}
     */
    public static void freeArray(long base) {
        if (base != 0 && GMalloc.usableSize(base) == SIZE) {
            throw new InvalidFreeException(base, InvalidFreeException.Reason.WRONG_BUCKET, "BookBucket.freeArray: address 0x" + Long.toHexString(base) + " is a single Book block from alloc(), not an array from allocArray; free it with free(long); nothing was changed");
        }
        GMalloc.gfree(base);
    }

    /**
     * Allocates a zeroed {@code Book} block in {@code region}: it is freed when the region closes,
     * or earlier with {@link #free(long)}.
     *
     * @param region an open region of the calling thread
     * @return the block's address
     * @throws WrongThreadException if the caller is not the thread that opened {@code region}
     * @throws IllegalStateException if {@code region} is closed
     */
    public static long alloc(Region region) {
        return BUCKET$.alloc(region);
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
    public static long alloc(Region region, Book value) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(value.best(), "component 'best' is null");
        check$Level(value.best());
        length$("depth", value.depth().length, 2);
        for (Level element : value.depth()) {
            Objects.requireNonNull(element, "component 'depth' has a null element");
            check$Level(element);
        }
        long address = alloc(region);
        store$Level(address + best$OFFSET, value.best());
        write$Level(address + depth$OFFSET, value.depth());
        MEMORY$.set(ValueLayout.JAVA_INT_UNALIGNED, address + fills$OFFSET, value.fills());
        return address;
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Book} structs in {@code region},
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
            throw new IllegalArgumentException("BookBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("BookBucket.allocArray: " + count + " elements of 52 bytes overflow a long");
        }
        return region.gcalloc(count, SIZE);
    }

    /**
     * Reads the whole {@code Book} at {@code address} into a new record (arrays are fresh copies).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return a heap copy
     */
    public static Book load(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return new Book(
                load$Level(address + best$OFFSET),
                read$Level(address + depth$OFFSET, 2),
                MEMORY$.get(ValueLayout.JAVA_INT_UNALIGNED, address + fills$OFFSET));
    }

    /**
     * Writes every component of {@code value} to the {@code Book} at {@code address}. Every
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
    public static void store(long address, Book value) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(value.best(), "component 'best' is null");
        check$Level(value.best());
        length$("depth", value.depth().length, 2);
        for (Level element : value.depth()) {
            Objects.requireNonNull(element, "component 'depth' has a null element");
            check$Level(element);
        }
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        store$Level(address + best$OFFSET, value.best());
        write$Level(address + depth$OFFSET, value.depth());
        MEMORY$.set(ValueLayout.JAVA_INT_UNALIGNED, address + fills$OFFSET, value.fills());
    }

    /**
     * Reads {@code Level best} (offset 0) into a new record.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static Level best(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return load$Level(address + best$OFFSET);
    }

    /**
     * Writes {@code Level best} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     * @throws NullPointerException if {@code value} is null (nothing is written)
     */
    public static void best(long address, Level value) {
        Objects.requireNonNull(value, "component 'best' is null");
        check$Level(value);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        store$Level(address + best$OFFSET, value);
    }

    /**
     * Returns the address of the nested {@code Level best} (offset 0), for the accessors of
     * {@code Level}'s generated bucket class.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return {@code address} plus the component's offset
     */
    public static long bestAddress(long address) {
        return address + best$OFFSET;
    }

    /**
     * Reads {@code @Length(2) Level[] depth} (offset 16) into a new array.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static Level[] depth(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return read$Level(address + depth$OFFSET, 2);
    }

    /**
     * Writes {@code @Length(2) Level[] depth} (offset 16).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     * @throws IllegalArgumentException if {@code value} does not have exactly {@code DEPTH_LENGTH}
     *     elements (nothing is written)
     * @throws NullPointerException if {@code value} or an element is null
     */
    public static void depth(long address, Level[] value) {
        length$("depth", value.length, 2);
        for (Level element : value) {
            Objects.requireNonNull(element, "component 'depth' has a null element");
            check$Level(element);
        }
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        write$Level(address + depth$OFFSET, value);
    }

    /**
     * Reads element {@code index} of {@code @Length(2) Level[] depth} (offset 16).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param index element index, {@code 0 <= index < DEPTH_LENGTH}
     * @return the element
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, DEPTH_LENGTH)}
     *     (always checked)
     */
    public static Level depth(long address, long index) {
        Objects.checkIndex(index, DEPTH_LENGTH);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return load$Level(address + depth$OFFSET + index * 16L);
    }

    /**
     * Writes element {@code index} of {@code @Length(2) Level[] depth} (offset 16).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param index element index, {@code 0 <= index < DEPTH_LENGTH}
     * @param value the new element
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, DEPTH_LENGTH)}
     *     (always checked)
     * @throws NullPointerException if {@code value} is null
     */
    public static void depth(long address, long index, Level value) {
        Objects.checkIndex(index, DEPTH_LENGTH);
        Objects.requireNonNull(value, "component 'depth' cannot hold a null element");
        check$Level(value);
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        store$Level(address + depth$OFFSET + index * 16L, value);
    }

    /**
     * Returns the address of element 0 of {@code @Length(2) Level[] depth} (offset 16); element
     * {@code i} is {@code 16 * i} bytes further.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return {@code address} plus the component's offset
     */
    public static long depthAddress(long address) {
        return address + depth$OFFSET;
    }

    /**
     * Reads {@code @Atomic int fills} (offset 48).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static int fills(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_INT_UNALIGNED, address + fills$OFFSET);
    }

    /**
     * Writes {@code @Atomic int fills} (offset 48).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void fills(long address, int value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_INT_UNALIGNED, address + fills$OFFSET, value);
    }

    /**
     * Reads {@code @Atomic int fills} (offset 48) with volatile semantics
     * ({@code VarHandle.getVolatile}).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static int fillsVolatile(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return (int) INT$ATOMIC.getVolatile(MEMORY$, address + fills$OFFSET);
    }

    /**
     * Writes {@code @Atomic int fills} (offset 48) with volatile semantics
     * ({@code VarHandle.setVolatile}).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void fillsVolatile(long address, int value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        INT$ATOMIC.setVolatile(MEMORY$, address + fills$OFFSET, value);
    }

    /**
     * Atomically adds {@code delta} to {@code @Atomic int fills} (offset 48)
     * ({@code VarHandle.getAndAdd}).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param delta the amount to add (wraps around on overflow)
     * @return the value before the addition
     */
    public static int fillsGetAndAdd(long address, int delta) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return (int) INT$ATOMIC.getAndAdd(MEMORY$, address + fills$OFFSET, delta);
    }

    /**
     * Atomically sets {@code @Atomic int fills} (offset 48) to {@code value} if it is
     * {@code expected} ({@code VarHandle.compareAndSet}).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param expected the value the component must hold
     * @param value the new value
     * @return whether the component held {@code expected} and now holds {@code value}
     */
    public static boolean fillsCompareAndSet(long address, int expected, int value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return (boolean) INT$ATOMIC.compareAndSet(MEMORY$, address + fills$OFFSET, expected, value);
    }

    /**
     * Views the {@code Book} at {@code address} as a segment of {@code SIZE} bytes (global scope:
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
     * Reads a nested {@code Level} (no check: the caller checked the enclosing struct).
     *
     * @param address the nested struct's address
     * @return a heap copy
     */
    private static Level load$Level(long address) {
        return new Level(
                utf8$read(address + 0L, 4),
                read$int(address + 4L, 2),
                enum$Side(Byte.toUnsignedInt(MEMORY$.get(ValueLayout.JAVA_BYTE, address + 12L))));
    }

    /**
     * Writes a nested {@code Level} that was checked already (no address check either: the caller
     * checked the enclosing struct).
     *
     * @param address the nested struct's address
     * @param value the record to copy
     */
    private static void store$Level(long address, Level value) {
        utf8$write(address + 0L, utf8$encode("venue", value.venue(), 4), 4);
        write$int(address + 4L, value.qty());
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + 12L, (byte) value.side().ordinal());
    }

    /**
     * Throws if a nested {@code Level} cannot be stored, before anything is written.
     *
     * @param value the record to check
     */
    private static void check$Level(Level value) {
        utf8$encode("venue", value.venue(), 4);
        length$("qty", value.qty().length, 2);
        Objects.requireNonNull(value.side(), "component 'side' is null");
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
     * Copies {@code length} {@code com.example.Level} elements at {@code at} into a new array.
     *
     * @param at address of element 0
     * @param length element count
     * @return the copy
     */
    private static Level[] read$Level(long at, int length) {
        Level[] array = new Level[length];
        for (int i = 0; i < length; i++) {
            array[i] = load$Level(at + i * 16L);
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
    private static void write$Level(long at, Level[] array) {
        for (int i = 0; i < array.length; i++) {
            store$Level(at + i * 16L, array[i]);
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
}
