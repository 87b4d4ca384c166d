package com.example;

import io.gmalloc.GMalloc;
import io.gmalloc.Region;
import io.gmalloc.annotations.Generated;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * Off-heap storage for {@code com.example.Padded} records, generated from its
 * {@code @GMallocBucket} declaration:
 * <pre>{@code
 * record Padded(byte flag, long id, short kind, boolean alive, char tag, double weight, int count)
 * }</pre>
 *
 * <p>Each {@code Padded} is stored as this C struct (LP64, as gcc lays it out):
 * <pre>{@code
 * struct Padded {  // size 40, alignment 8
 *     int8_t flag;  // offset 0
 *     // 7 bytes of padding
 *     int64_t id;  // offset 8
 *     int16_t kind;  // offset 16
 *     uint8_t alive;  // offset 18
 *     // 1 byte of padding
 *     uint16_t tag;  // offset 20
 *     // 2 bytes of padding
 *     double weight;  // offset 24
 *     int32_t count;  // offset 32
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
        comments = "from @GMallocBucket record com.example.Padded"
)
public final class PaddedBucket {
    /**
     * The C layout of {@code Padded}: members {@code flag}, {@code id}, {@code kind},
     * {@code alive}, {@code tag}, {@code weight}, {@code count}, padding explicit.
     */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_BYTE.withName("flag"),
            MemoryLayout.paddingLayout(7L),
            ValueLayout.JAVA_LONG.withName("id"),
            ValueLayout.JAVA_SHORT.withName("kind"),
            ValueLayout.JAVA_BOOLEAN.withName("alive"),
            MemoryLayout.paddingLayout(1L),
            ValueLayout.JAVA_CHAR.withName("tag"),
            MemoryLayout.paddingLayout(2L),
            ValueLayout.JAVA_DOUBLE.withName("weight"),
            ValueLayout.JAVA_INT.withName("count"),
            MemoryLayout.paddingLayout(4L))
            .withName("Padded");

    /**
     * Bytes per {@code Padded}, trailing padding included; also the distance between blocks.
     */
    public static final long SIZE = 40L;

    /**
     * Alignment of {@code Padded}: its largest member alignment; every block is aligned to it.
     */
    public static final long ALIGNMENT = 8L;

    /**
     * Byte offset of {@code flag}.
     */
    private static final long flag$OFFSET = 0L;

    /**
     * Byte offset of {@code id}.
     */
    private static final long id$OFFSET = 8L;

    /**
     * Byte offset of {@code kind}.
     */
    private static final long kind$OFFSET = 16L;

    /**
     * Byte offset of {@code alive}.
     */
    private static final long alive$OFFSET = 18L;

    /**
     * Byte offset of {@code tag}.
     */
    private static final long tag$OFFSET = 20L;

    /**
     * Byte offset of {@code weight}.
     */
    private static final long weight$OFFSET = 24L;

    /**
     * Byte offset of {@code count}.
     */
    private static final long count$OFFSET = 32L;

    /**
     * The whole address space; accessors read and write raw addresses through it.
     */
    private static final MemorySegment MEMORY$ = GMalloc.addressSpace();

    /**
     * {@code -Dgmalloc.checked=true}, read once so the JIT folds the check away when off.
     */
    private static final boolean CHECKED$ = GMalloc.checkedMode();

    /**
     * Static members only.
     */
    private PaddedBucket() {
    }

    /**
     * Allocates a zeroed {@code Padded} block from the general 40-byte bucket.
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
    public static long alloc(Padded value) {
        Objects.requireNonNull(value, "value");
        long address = alloc();
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + flag$OFFSET, value.flag());
        MEMORY$.set(ValueLayout.JAVA_LONG_UNALIGNED, address + id$OFFSET, value.id());
        MEMORY$.set(ValueLayout.JAVA_SHORT_UNALIGNED, address + kind$OFFSET, value.kind());
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + alive$OFFSET, (byte) (value.alive() ? 1 : 0));
        MEMORY$.set(ValueLayout.JAVA_CHAR_UNALIGNED, address + tag$OFFSET, value.tag());
        MEMORY$.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, address + weight$OFFSET, value.weight());
        MEMORY$.set(ValueLayout.JAVA_INT_UNALIGNED, address + count$OFFSET, value.count());
        return address;
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Padded} structs, {@code SIZE}
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
            throw new IllegalArgumentException("PaddedBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("PaddedBucket.allocArray: " + count + " elements of 40 bytes overflow a long");
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
     * Allocates a zeroed {@code Padded} block in {@code region}: it is freed when the region
     * closes, or earlier with {@link #free(long)}.
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
    public static long alloc(Region region, Padded value) {
        Objects.requireNonNull(value, "value");
        long address = alloc(region);
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + flag$OFFSET, value.flag());
        MEMORY$.set(ValueLayout.JAVA_LONG_UNALIGNED, address + id$OFFSET, value.id());
        MEMORY$.set(ValueLayout.JAVA_SHORT_UNALIGNED, address + kind$OFFSET, value.kind());
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + alive$OFFSET, (byte) (value.alive() ? 1 : 0));
        MEMORY$.set(ValueLayout.JAVA_CHAR_UNALIGNED, address + tag$OFFSET, value.tag());
        MEMORY$.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, address + weight$OFFSET, value.weight());
        MEMORY$.set(ValueLayout.JAVA_INT_UNALIGNED, address + count$OFFSET, value.count());
        return address;
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Padded} structs in
     * {@code region}, as one block of the region, freed when it closes or with
     * {@link #freeArray(long)}.
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
            throw new IllegalArgumentException("PaddedBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("PaddedBucket.allocArray: " + count + " elements of 40 bytes overflow a long");
        }
        return region.gcalloc(count, SIZE);
    }

    /**
     * Reads the whole {@code Padded} at {@code address} into a new record (arrays are fresh
     * copies).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return a heap copy
     */
    public static Padded load(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return new Padded(
                MEMORY$.get(ValueLayout.JAVA_BYTE, address + flag$OFFSET),
                MEMORY$.get(ValueLayout.JAVA_LONG_UNALIGNED, address + id$OFFSET),
                MEMORY$.get(ValueLayout.JAVA_SHORT_UNALIGNED, address + kind$OFFSET),
                MEMORY$.get(ValueLayout.JAVA_BYTE, address + alive$OFFSET) != 0,
                MEMORY$.get(ValueLayout.JAVA_CHAR_UNALIGNED, address + tag$OFFSET),
                MEMORY$.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, address + weight$OFFSET),
                MEMORY$.get(ValueLayout.JAVA_INT_UNALIGNED, address + count$OFFSET));
    }

    /**
     * Writes every component of {@code value} to the {@code Padded} at {@code address}. Every
     * component is checked before the first byte is written, so a value that cannot be stored
     * changes nothing.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the record to copy
     * @throws NullPointerException if {@code value} or a record, enum or array in it is null
     */
    public static void store(long address, Padded value) {
        Objects.requireNonNull(value, "value");
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + flag$OFFSET, value.flag());
        MEMORY$.set(ValueLayout.JAVA_LONG_UNALIGNED, address + id$OFFSET, value.id());
        MEMORY$.set(ValueLayout.JAVA_SHORT_UNALIGNED, address + kind$OFFSET, value.kind());
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + alive$OFFSET, (byte) (value.alive() ? 1 : 0));
        MEMORY$.set(ValueLayout.JAVA_CHAR_UNALIGNED, address + tag$OFFSET, value.tag());
        MEMORY$.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, address + weight$OFFSET, value.weight());
        MEMORY$.set(ValueLayout.JAVA_INT_UNALIGNED, address + count$OFFSET, value.count());
    }

    /**
     * Reads {@code byte flag} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static byte flag(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_BYTE, address + flag$OFFSET);
    }

    /**
     * Writes {@code byte flag} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void flag(long address, byte value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + flag$OFFSET, value);
    }

    /**
     * Reads {@code long id} (offset 8).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static long id(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_LONG_UNALIGNED, address + id$OFFSET);
    }

    /**
     * Writes {@code long id} (offset 8).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void id(long address, long value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_LONG_UNALIGNED, address + id$OFFSET, value);
    }

    /**
     * Reads {@code short kind} (offset 16).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static short kind(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_SHORT_UNALIGNED, address + kind$OFFSET);
    }

    /**
     * Writes {@code short kind} (offset 16).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void kind(long address, short value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_SHORT_UNALIGNED, address + kind$OFFSET, value);
    }

    /**
     * Reads {@code boolean alive} (offset 18).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static boolean alive(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_BYTE, address + alive$OFFSET) != 0;
    }

    /**
     * Writes {@code boolean alive} (offset 18).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void alive(long address, boolean value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + alive$OFFSET, (byte) (value ? 1 : 0));
    }

    /**
     * Reads {@code char tag} (offset 20).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static char tag(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_CHAR_UNALIGNED, address + tag$OFFSET);
    }

    /**
     * Writes {@code char tag} (offset 20).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void tag(long address, char value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_CHAR_UNALIGNED, address + tag$OFFSET, value);
    }

    /**
     * Reads {@code double weight} (offset 24).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static double weight(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, address + weight$OFFSET);
    }

    /**
     * Writes {@code double weight} (offset 24).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void weight(long address, double value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, address + weight$OFFSET, value);
    }

    /**
     * Reads {@code int count} (offset 32).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static int count(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_INT_UNALIGNED, address + count$OFFSET);
    }

    /**
     * Writes {@code int count} (offset 32).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void count(long address, int value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_INT_UNALIGNED, address + count$OFFSET, value);
    }

    /**
     * Views the {@code Padded} at {@code address} as a segment of {@code SIZE} bytes (global scope:
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
