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
 * Off-heap storage for {@code com.example.Body} structs, generated from its {@code @GMallocBucket}
 * declaration:
 * <pre>{@code
 * interface Body {
 *     Vec3 pos();  void pos(Vec3 value);
 *     float mass();  void mass(float value);
 *     boolean active();  void active(boolean value);
 * }
 * }</pre>
 *
 * <p>Each {@code Body} is stored as this C struct (LP64, as gcc lays it out):
 * <pre>{@code
 * struct Body {  // size 20, alignment 4
 *     struct Vec3 pos;  // offset 0
 *     float mass;  // offset 12
 *     uint8_t active;  // offset 16
 *     // 3 bytes of padding
 * };
 * }</pre>
 *
 * <p>Blocks come from a dedicated {@code SpecialBucket} with a stride of exactly 20 bytes, so no
 * byte is lost to rounding.
 * <p>All methods work on raw addresses, as in C: an address used after {@code free} is a bug. With
 * {@code -Dgmalloc.checked=true} every accessor first checks that the struct lies inside a live
 * gmalloc block and throws {@code io.gmalloc.InvalidAccessException} otherwise.
 */
@Generated(
        value = "io.gmalloc.processor.GMallocBucketProcessor",
        comments = "from @GMallocBucket record com.example.Body"
)
public final class BodyBucket {
    /**
     * The C layout of the nested {@code com.example.Vec3}.
     */
    private static final StructLayout Vec3$LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_FLOAT.withName("x"),
            ValueLayout.JAVA_FLOAT.withName("y"),
            ValueLayout.JAVA_FLOAT.withName("z"))
            .withName("Vec3");

    /**
     * The C layout of {@code Body}: members {@code pos}, {@code mass}, {@code active}, padding
     * explicit.
     */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            Vec3$LAYOUT.withName("pos"),
            ValueLayout.JAVA_FLOAT.withName("mass"),
            ValueLayout.JAVA_BOOLEAN.withName("active"),
            MemoryLayout.paddingLayout(3L))
            .withName("Body");

    /**
     * Bytes per {@code Body}, trailing padding included; also the distance between blocks.
     */
    public static final long SIZE = 20L;

    /**
     * Alignment of {@code Body}: its largest member alignment; every block is aligned to it.
     */
    public static final long ALIGNMENT = 4L;

    /**
     * Byte offset of {@code pos}.
     */
    private static final long pos$OFFSET = 0L;

    /**
     * Byte offset of {@code mass}.
     */
    private static final long mass$OFFSET = 12L;

    /**
     * Byte offset of {@code active}.
     */
    private static final long active$OFFSET = 16L;

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
    private static final SpecialBucket BUCKET$ = new SpecialBucket("com.example.Body", SIZE, ALIGNMENT);

    /**
     * Static members only.
     */
    private BodyBucket() {
    }

    /**
     * Allocates a zeroed {@code Body} block from this type's own bucket ({@code SIZE} bytes apart).
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
     * Explains a wrong-bucket free: the usual cause is an array's base.
     *
     * @param e what the bucket threw
     * @return the exception to throw
     */
    private static InvalidFreeException free$failed(InvalidFreeException e) {
        if (e.reason() != InvalidFreeException.Reason.WRONG_BUCKET) {
            return e;
        }
        return new InvalidFreeException(e.address(), e.reason(), "BodyBucket.free: " + e.getMessage() + " (a block from allocArray is freed with freeArray(long))");
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Body} structs, {@code SIZE} bytes
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
            throw new IllegalArgumentException("BodyBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("BodyBucket.allocArray: " + count + " elements of 20 bytes overflow a long");
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
            throw new InvalidFreeException(base, InvalidFreeException.Reason.WRONG_BUCKET, "BodyBucket.freeArray: address 0x" + Long.toHexString(base) + " is a single Body block from alloc(), not an array from allocArray; free it with free(long); nothing was changed");
        }
        GMalloc.gfree(base);
    }

    /**
     * Allocates a zeroed {@code Body} block in {@code region}: it is freed when the region closes,
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
     * Allocates a zeroed array of {@code count} contiguous {@code Body} structs in {@code region},
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
            throw new IllegalArgumentException("BodyBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("BodyBucket.allocArray: " + count + " elements of 20 bytes overflow a long");
        }
        return region.gcalloc(count, SIZE);
    }

    /**
     * Returns a {@code Body} view of the struct at {@code address}; move it with
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
     * Reads {@code Vec3 pos} (offset 0) into a new record.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static Vec3 pos(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return load$Vec3(address + pos$OFFSET);
    }

    /**
     * Writes {@code Vec3 pos} (offset 0).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     * @throws NullPointerException if {@code value} is null (nothing is written)
     */
    public static void pos(long address, Vec3 value) {
        Objects.requireNonNull(value, "component 'pos' is null");
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        store$Vec3(address + pos$OFFSET, value);
    }

    /**
     * Returns the address of the nested {@code Vec3 pos} (offset 0), for the accessors of
     * {@code Vec3}'s generated bucket class.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return {@code address} plus the component's offset
     */
    public static long posAddress(long address) {
        return address + pos$OFFSET;
    }

    /**
     * Reads {@code float mass} (offset 12).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static float mass(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_FLOAT_UNALIGNED, address + mass$OFFSET);
    }

    /**
     * Writes {@code float mass} (offset 12).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void mass(long address, float value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + mass$OFFSET, value);
    }

    /**
     * Reads {@code boolean active} (offset 16).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static boolean active(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return MEMORY$.get(ValueLayout.JAVA_BYTE, address + active$OFFSET) != 0;
    }

    /**
     * Writes {@code boolean active} (offset 16).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     */
    public static void active(long address, boolean value) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        MEMORY$.set(ValueLayout.JAVA_BYTE, address + active$OFFSET, (byte) (value ? 1 : 0));
    }

    /**
     * Views the {@code Body} at {@code address} as a segment of {@code SIZE} bytes (global scope:
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
     * A {@code Body} over the struct at an address: every method reads or writes off-heap memory
     * through {@code BodyBucket}'s accessors. Not thread-safe; {@link #moveTo(long)} re-points it.
     */
    public static final class Ref implements Body {
        /**
         * The struct this view reads and writes.
         */
        private long address;

        /**
         * Creates a view; see {@link BodyBucket#ref(long)}.
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
        public Vec3 pos() {
            return BodyBucket.pos(address);
        }

        @Override
        public void pos(Vec3 value) {
            BodyBucket.pos(address, value);
        }

        @Override
        public float mass() {
            return BodyBucket.mass(address);
        }

        @Override
        public void mass(float value) {
            BodyBucket.mass(address, value);
        }

        @Override
        public boolean active() {
            return BodyBucket.active(address);
        }

        @Override
        public void active(boolean value) {
            BodyBucket.active(address, value);
        }

        @Override
        public String toString() {
            return "Body@0x" + Long.toHexString(address);
        }
    }
}
