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
import java.util.Objects;

/**
 * Off-heap storage for {@code com.example.Coded} records, generated from its {@code @GMallocBucket}
 * declaration:
 * <pre>{@code
 * record Coded(byte tag, Many code)
 * }</pre>
 *
 * <p>Each {@code Coded} is stored as this C struct (LP64, as gcc lays it out):
 * <pre>{@code
 * struct Coded {  // size 4, alignment 2
 *     int8_t tag;  // offset 0
 *     // 1 byte of padding
 *     uint16_t code;  // offset 2, ordinal of Many
 * };
 * }</pre>
 *
 * <p>Blocks come from a dedicated {@code SpecialBucket} with a stride of exactly 4 bytes, so no
 * byte is lost to rounding.
 * <p>All methods work on raw addresses, as in C: an address used after {@code free} is a bug. With
 * {@code -Dgmalloc.checked=true} every accessor first checks that the struct lies inside a live
 * gmalloc block and throws {@code io.gmalloc.InvalidAccessException} otherwise.
 */
@Generated(
        value = "io.gmalloc.processor.GMallocBucketProcessor",
        comments = "from @GMallocBucket record com.example.Coded"
)
public final class CodedBucket {
    /**
     * The C layout of {@code Coded}: members {@code tag}, {@code code}, padding explicit.
     */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_BYTE.withName("tag"),
            MemoryLayout.paddingLayout(1L),
            ValueLayout.JAVA_SHORT.withName("code"))
            .withName("Coded");

    /**
     * Bytes per {@code Coded}, trailing padding included; also the distance between blocks.
     */
    public static final long SIZE = 4L;

    /**
     * Alignment of {@code Coded}: its largest member alignment; every block is aligned to it.
     */
    public static final long ALIGNMENT = 2L;

    /**
     * Byte offset of {@code tag}.
     */
    private static final long tag$OFFSET = 0L;

    /**
     * Byte offset of {@code code}.
     */
    private static final long code$OFFSET = 2L;

    /**
     * The whole address space; accessors read and write raw addresses through it.
     */
    private static final MemorySegment MEMORY$ = GMalloc.addressSpace();

    /**
     * {@code -Dgmalloc.checked=true}, read once so the JIT folds the check away when off.
     */
    private static final boolean CHECKED$ = GMalloc.checkedMode();

    /**
     * The constants of {@code com.example.Many}, by ordinal (read once: {@code values()} copies).
     */
    private static final Many[] Many$VALUES = Many.values();

    /**
     * This type's own bucket: blocks exactly {@code SIZE} bytes apart.
     */
    private static final SpecialBucket BUCKET$ = new SpecialBucket("com.example.Coded", SIZE, ALIGNMENT);

    /**
     * Static members only.
     */
    private CodedBucket() {
    }

    /**
     * Allocates a zeroed {@code Coded} block from this type's own bucket ({@code SIZE} bytes
     * apart).
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
    public static long alloc(Coded value) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(value.code(), "component 'code' is null");
        long address = alloc();
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + tag$OFFSET, value.tag());
        MEMORY$.set(ValueLayout.JAVA_SHORT_UNALIGNED, address + code$OFFSET, (short) value.code().ordinal());
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
        return new InvalidFreeException(e.address(), e.reason(), "CodedBucket.free: " + e.getMessage() + " (a block from allocArray is freed with freeArray(long))");
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Coded} structs, {@code SIZE}
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
            throw new IllegalArgumentException("CodedBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("CodedBucket.allocArray: " + count + " elements of 4 bytes overflow a long");
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
            throw new InvalidFreeException(base, InvalidFreeException.Reason.WRONG_BUCKET, "CodedBucket.freeArray: address 0x" + Long.toHexString(base) + " is a single Coded block from alloc(), not an array from allocArray; free it with free(long); nothing was changed");
        }
        GMalloc.gfree(base);
    }

    /**
     * Allocates a zeroed {@code Coded} block in {@code region}: it is freed when the region closes,
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
    public static long alloc(Region region, Coded value) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(value.code(), "component 'code' is null");
        long address = alloc(region);
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + tag$OFFSET, value.tag());
        MEMORY$.set(ValueLayout.JAVA_SHORT_UNALIGNED, address + code$OFFSET, (short) value.code().ordinal());
        return address;
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Coded} structs in {@code region},
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
            throw new IllegalArgumentException("CodedBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("CodedBucket.allocArray: " + count + " elements of 4 bytes overflow a long");
        }
        return region.gcalloc(count, SIZE);
    }

    /**
     * Reads the whole {@code Coded} at {@code address} into a new record (arrays are fresh copies).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return a heap copy
     */
    public static Coded load(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return new Coded(
                MEMORY$.get(ValueLayout.JAVA_BYTE, address + tag$OFFSET),
                enum$Many(Short.toUnsignedInt(MEMORY$.get(ValueLayout.JAVA_SHORT_UNALIGNED, address + code$OFFSET))));
    }

    /**
     * Writes every component of {@code value} to the {@code Coded} at {@code address}. Every
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
    public static void store(long address, Coded value) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(value.code(), "component 'code' is null");
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + tag$OFFSET, value.tag());
        MEMORY$.set(ValueLayout.JAVA_SHORT_UNALIGNED, address + code$OFFSET, (short) value.code().ordinal());
    }

    /**
     * Reads {@code byte tag} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static byte tag(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_BYTE, address + tag$OFFSET);
    }

    /**
     * Writes {@code byte tag} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void tag(long address, byte value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + tag$OFFSET, value);
    }

    /**
     * Reads {@code Many code} (offset 2).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     * @throws IllegalStateException if the stored ordinal is not a constant of {@code Many}
     */
    public static Many code(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return enum$Many(Short.toUnsignedInt(MEMORY$.get(ValueLayout.JAVA_SHORT_UNALIGNED, address + code$OFFSET)));
    }

    /**
     * Writes {@code Many code} (offset 2).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     * @throws NullPointerException if {@code value} is null (nothing is written)
     */
    public static void code(long address, Many value) {
        Objects.requireNonNull(value, "component 'code' is null");
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_SHORT_UNALIGNED, address + code$OFFSET, (short) value.ordinal());
    }

    /**
     * Views the {@code Coded} at {@code address} as a segment of {@code SIZE} bytes (global scope:
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
    private static Many enum$Many(int ordinal) {
        if (ordinal >= Many$VALUES.length) {
            throw new IllegalStateException("stored ordinal " + ordinal + " is not a constant of enum com.example.Many (" + Many$VALUES.length + " constants); the memory was not written by its accessors");
        }
        return Many$VALUES[ordinal];
    }
}
