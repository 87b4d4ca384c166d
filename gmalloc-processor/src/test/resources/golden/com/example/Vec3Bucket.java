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
 * Off-heap storage for {@code com.example.Vec3} records, generated from its {@code @GMallocBucket}
 * declaration:
 * <pre>{@code
 * record Vec3(float x, float y, float z)
 * }</pre>
 *
 * <p>Each {@code Vec3} is stored as this C struct (LP64, as gcc lays it out):
 * <pre>{@code
 * struct Vec3 {  // size 12, alignment 4
 *     float x;  // offset 0
 *     float y;  // offset 4
 *     float z;  // offset 8
 * };
 * }</pre>
 *
 * <p>Blocks come from a dedicated {@code SpecialBucket} with a stride of exactly 12 bytes, so no
 * byte is lost to rounding.
 * <p>All methods work on raw addresses, as in C: an address used after {@code free} is a bug. With
 * {@code -Dgmalloc.checked=true} every accessor first checks that the struct lies inside a live
 * gmalloc block and throws {@code io.gmalloc.InvalidAccessException} otherwise.
 */
@Generated(
        value = "io.gmalloc.processor.GMallocBucketProcessor",
        comments = "from @GMallocBucket record com.example.Vec3"
)
public final class Vec3Bucket {
    /**
     * The C layout of {@code Vec3}: members {@code x}, {@code y}, {@code z}, padding explicit.
     */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_FLOAT.withName("x"),
            ValueLayout.JAVA_FLOAT.withName("y"),
            ValueLayout.JAVA_FLOAT.withName("z"))
            .withName("Vec3");

    /**
     * Bytes per {@code Vec3}, trailing padding included; also the distance between blocks.
     */
    public static final long SIZE = 12L;

    /**
     * Alignment of {@code Vec3}: its largest member alignment; every block is aligned to it.
     */
    public static final long ALIGNMENT = 4L;

    /**
     * Byte offset of {@code x}.
     */
    private static final long x$OFFSET = 0L;

    /**
     * Byte offset of {@code y}.
     */
    private static final long y$OFFSET = 4L;

    /**
     * Byte offset of {@code z}.
     */
    private static final long z$OFFSET = 8L;

    /**
     * The whole address space; accessors read and write raw addresses through it.
     */
    private static final MemorySegment MEMORY$ = GMalloc.addressSpace();

    /**
     * {@code -Dgmalloc.checked=true}, read once so the JIT folds the check away when off.
     */
    private static final boolean CHECKED$ = GMalloc.checkedMode();

    /**
     * This type's own bucket: blocks exactly {@code SIZE} bytes apart.
     */
    private static final SpecialBucket BUCKET$ = new SpecialBucket("com.example.Vec3", SIZE, ALIGNMENT);

    /**
     * Static members only.
     */
    private Vec3Bucket() {
    }

    /**
     * Allocates a zeroed {@code Vec3} block from this type's own bucket ({@code SIZE} bytes apart).
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
     */
    public static long alloc(Vec3 value) {
        Objects.requireNonNull(value, "value");
        long address = alloc();
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + x$OFFSET, value.x());
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + y$OFFSET, value.y());
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + z$OFFSET, value.z());
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
        return new InvalidFreeException(e.address(), e.reason(), "Vec3Bucket.free: " + e.getMessage() + " (a block from allocArray is freed with freeArray(long))");
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Vec3} structs, {@code SIZE} bytes
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
            throw new IllegalArgumentException("Vec3Bucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("Vec3Bucket.allocArray: " + count + " elements of 12 bytes overflow a long");
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
            throw new InvalidFreeException(base, InvalidFreeException.Reason.WRONG_BUCKET, "Vec3Bucket.freeArray: address 0x" + Long.toHexString(base) + " is a single Vec3 block from alloc(), not an array from allocArray; free it with free(long); nothing was changed");
        }
        GMalloc.gfree(base);
    }

    /**
     * Allocates a zeroed {@code Vec3} block in {@code region}: it is freed when the region closes,
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
     * @throws WrongThreadException if the caller is not the thread that opened {@code region}
     * @throws IllegalStateException if {@code region} is closed
     */
    public static long alloc(Region region, Vec3 value) {
        Objects.requireNonNull(value, "value");
        long address = alloc(region);
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + x$OFFSET, value.x());
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + y$OFFSET, value.y());
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + z$OFFSET, value.z());
        return address;
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Vec3} structs in {@code region},
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
            throw new IllegalArgumentException("Vec3Bucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("Vec3Bucket.allocArray: " + count + " elements of 12 bytes overflow a long");
        }
        return region.gcalloc(count, SIZE);
    }

    /**
     * Reads the whole {@code Vec3} at {@code address} into a new record (arrays are fresh copies).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return a heap copy
     */
    public static Vec3 load(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return new Vec3(
                MEMORY$.get(ValueLayout.JAVA_FLOAT_UNALIGNED, address + x$OFFSET),
                MEMORY$.get(ValueLayout.JAVA_FLOAT_UNALIGNED, address + y$OFFSET),
                MEMORY$.get(ValueLayout.JAVA_FLOAT_UNALIGNED, address + z$OFFSET));
    }

    /**
     * Writes every component of {@code value} to the {@code Vec3} at {@code address}. Every
     * component is checked before the first byte is written, so a value that cannot be stored
     * changes nothing.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the record to copy
     * @throws NullPointerException if {@code value} or a record, enum or array in it is null
     */
    public static void store(long address, Vec3 value) {
        Objects.requireNonNull(value, "value");
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + x$OFFSET, value.x());
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + y$OFFSET, value.y());
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + z$OFFSET, value.z());
    }

    /**
     * Reads {@code float x} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static float x(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_FLOAT_UNALIGNED, address + x$OFFSET);
    }

    /**
     * Writes {@code float x} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void x(long address, float value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + x$OFFSET, value);
    }

    /**
     * Reads {@code float y} (offset 4).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static float y(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_FLOAT_UNALIGNED, address + y$OFFSET);
    }

    /**
     * Writes {@code float y} (offset 4).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void y(long address, float value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + y$OFFSET, value);
    }

    /**
     * Reads {@code float z} (offset 8).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static float z(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_FLOAT_UNALIGNED, address + z$OFFSET);
    }

    /**
     * Writes {@code float z} (offset 8).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void z(long address, float value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + z$OFFSET, value);
    }

    /**
     * Views the {@code Vec3} at {@code address} as a segment of {@code SIZE} bytes (global scope:
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
