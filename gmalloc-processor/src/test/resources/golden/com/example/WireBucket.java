package com.example;

import io.gmalloc.GMalloc;
import io.gmalloc.Region;
import io.gmalloc.annotations.Generated;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Off-heap storage for {@code com.example.Wire} records, generated from its {@code @GMallocBucket}
 * declaration:
 * <pre>{@code
 * record Wire(
 *         @BigEndian short port,
 *         @BigEndian int seq,
 *         @BigEndian long stamp,
 *         @BigEndian double price,
 *         @BigEndian char tag,
 *         byte ttl,
 *         @BigEndian float ratio)
 * }</pre>
 *
 * <p>Each {@code Wire} is stored as this C struct (LP64, as gcc lays it out):
 * <pre>{@code
 * struct Wire {  // size 32, alignment 8
 *     int16_t port;  // offset 0, big-endian
 *     // 2 bytes of padding
 *     int32_t seq;  // offset 4, big-endian
 *     int64_t stamp;  // offset 8, big-endian
 *     double price;  // offset 16, big-endian
 *     uint16_t tag;  // offset 24, big-endian
 *     int8_t ttl;  // offset 26
 *     // 1 byte of padding
 *     float ratio;  // offset 28, big-endian
 * };
 * }</pre>
 *
 * <p>Blocks come from gmalloc's general 32-byte bucket (the size is a multiple of 8 and at most
 * 512).
 * <p>All methods work on raw addresses, as in C: an address used after {@code free} is a bug. With
 * {@code -Dgmalloc.checked=true} every accessor first checks that the struct lies inside a live
 * gmalloc block and throws {@code io.gmalloc.InvalidAccessException} otherwise.
 */
@Generated(
        value = "io.gmalloc.processor.GMallocBucketProcessor",
        comments = "from @GMallocBucket record com.example.Wire"
)
public final class WireBucket {
    /**
     * The C layout of {@code Wire}: members {@code port}, {@code seq}, {@code stamp},
     * {@code price}, {@code tag}, {@code ttl}, {@code ratio}, padding explicit.
     */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN).withName("port"),
            MemoryLayout.paddingLayout(2L),
            ValueLayout.JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN).withName("seq"),
            ValueLayout.JAVA_LONG.withOrder(ByteOrder.BIG_ENDIAN).withName("stamp"),
            ValueLayout.JAVA_DOUBLE.withOrder(ByteOrder.BIG_ENDIAN).withName("price"),
            ValueLayout.JAVA_CHAR.withOrder(ByteOrder.BIG_ENDIAN).withName("tag"),
            ValueLayout.JAVA_BYTE.withName("ttl"),
            MemoryLayout.paddingLayout(1L),
            ValueLayout.JAVA_FLOAT.withOrder(ByteOrder.BIG_ENDIAN).withName("ratio"))
            .withName("Wire");

    /**
     * Bytes per {@code Wire}, trailing padding included; also the distance between blocks.
     */
    public static final long SIZE = 32L;

    /**
     * Alignment of {@code Wire}: its largest member alignment; every block is aligned to it.
     */
    public static final long ALIGNMENT = 8L;

    /**
     * Byte offset of {@code port}.
     */
    private static final long port$OFFSET = 0L;

    /**
     * Byte offset of {@code seq}.
     */
    private static final long seq$OFFSET = 4L;

    /**
     * Byte offset of {@code stamp}.
     */
    private static final long stamp$OFFSET = 8L;

    /**
     * Byte offset of {@code price}.
     */
    private static final long price$OFFSET = 16L;

    /**
     * Byte offset of {@code tag}.
     */
    private static final long tag$OFFSET = 24L;

    /**
     * Byte offset of {@code ttl}.
     */
    private static final long ttl$OFFSET = 26L;

    /**
     * Byte offset of {@code ratio}.
     */
    private static final long ratio$OFFSET = 28L;

    /**
     * The whole address space; accessors read and write raw addresses through it.
     */
    private static final MemorySegment MEMORY$ = GMalloc.addressSpace();

    /**
     * {@code -Dgmalloc.checked=true}, read once so the JIT folds the check away when off.
     */
    private static final boolean CHECKED$ = GMalloc.checkedMode();

    /**
     * {@code char} in big-endian order, for accessors of {@code @BigEndian} components.
     */
    private static final ValueLayout.OfChar CHAR$BE = ValueLayout.JAVA_CHAR_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /**
     * {@code double} in big-endian order, for accessors of {@code @BigEndian} components.
     */
    private static final ValueLayout.OfDouble DOUBLE$BE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /**
     * {@code float} in big-endian order, for accessors of {@code @BigEndian} components.
     */
    private static final ValueLayout.OfFloat FLOAT$BE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /**
     * {@code int} in big-endian order, for accessors of {@code @BigEndian} components.
     */
    private static final ValueLayout.OfInt INT$BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /**
     * {@code long} in big-endian order, for accessors of {@code @BigEndian} components.
     */
    private static final ValueLayout.OfLong LONG$BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /**
     * {@code short} in big-endian order, for accessors of {@code @BigEndian} components.
     */
    private static final ValueLayout.OfShort SHORT$BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /**
     * Static members only.
     */
    private WireBucket() {
    }

    /**
     * Allocates a zeroed {@code Wire} block from the general 32-byte bucket.
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
     */
    public static long alloc(Wire value) {
        Objects.requireNonNull(value, "value");
        long address = alloc();
        MEMORY$.set(SHORT$BE, address + port$OFFSET, value.port());
        MEMORY$.set(INT$BE, address + seq$OFFSET, value.seq());
        MEMORY$.set(LONG$BE, address + stamp$OFFSET, value.stamp());
        MEMORY$.set(DOUBLE$BE, address + price$OFFSET, value.price());
        MEMORY$.set(CHAR$BE, address + tag$OFFSET, value.tag());
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + ttl$OFFSET, value.ttl());
        MEMORY$.set(FLOAT$BE, address + ratio$OFFSET, value.ratio());
        return address;
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Wire} structs, {@code SIZE} bytes
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
            throw new IllegalArgumentException("WireBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("WireBucket.allocArray: " + count + " elements of 32 bytes overflow a long");
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
     * Allocates a zeroed {@code Wire} block in {@code region}: it is freed when the region closes,
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
     * @throws WrongThreadException if the caller is not the thread that opened {@code region}
     * @throws IllegalStateException if {@code region} is closed
     */
    public static long alloc(Region region, Wire value) {
        Objects.requireNonNull(value, "value");
        long address = alloc(region);
        MEMORY$.set(SHORT$BE, address + port$OFFSET, value.port());
        MEMORY$.set(INT$BE, address + seq$OFFSET, value.seq());
        MEMORY$.set(LONG$BE, address + stamp$OFFSET, value.stamp());
        MEMORY$.set(DOUBLE$BE, address + price$OFFSET, value.price());
        MEMORY$.set(CHAR$BE, address + tag$OFFSET, value.tag());
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + ttl$OFFSET, value.ttl());
        MEMORY$.set(FLOAT$BE, address + ratio$OFFSET, value.ratio());
        return address;
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Wire} structs in {@code region},
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
            throw new IllegalArgumentException("WireBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("WireBucket.allocArray: " + count + " elements of 32 bytes overflow a long");
        }
        return region.gcalloc(count, SIZE);
    }

    /**
     * Reads the whole {@code Wire} at {@code address} into a new record (arrays are fresh copies).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return a heap copy
     */
    public static Wire load(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return new Wire(
                MEMORY$.get(SHORT$BE, address + port$OFFSET),
                MEMORY$.get(INT$BE, address + seq$OFFSET),
                MEMORY$.get(LONG$BE, address + stamp$OFFSET),
                MEMORY$.get(DOUBLE$BE, address + price$OFFSET),
                MEMORY$.get(CHAR$BE, address + tag$OFFSET),
                MEMORY$.get(ValueLayout.JAVA_BYTE, address + ttl$OFFSET),
                MEMORY$.get(FLOAT$BE, address + ratio$OFFSET));
    }

    /**
     * Writes every component of {@code value} to the {@code Wire} at {@code address}. Every
     * component is checked before the first byte is written, so a value that cannot be stored
     * changes nothing.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the record to copy
     * @throws NullPointerException if {@code value} or a record, enum or array in it is null
     */
    public static void store(long address, Wire value) {
        Objects.requireNonNull(value, "value");
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(SHORT$BE, address + port$OFFSET, value.port());
        MEMORY$.set(INT$BE, address + seq$OFFSET, value.seq());
        MEMORY$.set(LONG$BE, address + stamp$OFFSET, value.stamp());
        MEMORY$.set(DOUBLE$BE, address + price$OFFSET, value.price());
        MEMORY$.set(CHAR$BE, address + tag$OFFSET, value.tag());
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + ttl$OFFSET, value.ttl());
        MEMORY$.set(FLOAT$BE, address + ratio$OFFSET, value.ratio());
    }

    /**
     * Reads {@code @BigEndian short port} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static short port(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(SHORT$BE, address + port$OFFSET);
    }

    /**
     * Writes {@code @BigEndian short port} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void port(long address, short value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(SHORT$BE, address + port$OFFSET, value);
    }

    /**
     * Reads {@code @BigEndian int seq} (offset 4).
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
     * Writes {@code @BigEndian int seq} (offset 4).
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
     * Reads {@code @BigEndian long stamp} (offset 8).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static long stamp(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(LONG$BE, address + stamp$OFFSET);
    }

    /**
     * Writes {@code @BigEndian long stamp} (offset 8).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void stamp(long address, long value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(LONG$BE, address + stamp$OFFSET, value);
    }

    /**
     * Reads {@code @BigEndian double price} (offset 16).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static double price(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(DOUBLE$BE, address + price$OFFSET);
    }

    /**
     * Writes {@code @BigEndian double price} (offset 16).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void price(long address, double value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(DOUBLE$BE, address + price$OFFSET, value);
    }

    /**
     * Reads {@code @BigEndian char tag} (offset 24).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static char tag(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(CHAR$BE, address + tag$OFFSET);
    }

    /**
     * Writes {@code @BigEndian char tag} (offset 24).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void tag(long address, char value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(CHAR$BE, address + tag$OFFSET, value);
    }

    /**
     * Reads {@code byte ttl} (offset 26).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static byte ttl(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_BYTE, address + ttl$OFFSET);
    }

    /**
     * Writes {@code byte ttl} (offset 26).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void ttl(long address, byte value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + ttl$OFFSET, value);
    }

    /**
     * Reads {@code @BigEndian float ratio} (offset 28).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static float ratio(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(FLOAT$BE, address + ratio$OFFSET);
    }

    /**
     * Writes {@code @BigEndian float ratio} (offset 28).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void ratio(long address, float value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(FLOAT$BE, address + ratio$OFFSET, value);
    }

    /**
     * Views the {@code Wire} at {@code address} as a segment of {@code SIZE} bytes (global scope:
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
}
