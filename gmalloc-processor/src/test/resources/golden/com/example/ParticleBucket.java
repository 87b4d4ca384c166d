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
 * Off-heap storage for {@code com.example.Particle} records, generated from its
 * {@code @GMallocBucket} declaration:
 * <pre>{@code
 * record Particle(Vec3 pos, Vec3 vel, float mass)
 * }</pre>
 *
 * <p>Each {@code Particle} is stored as this C struct (LP64, as gcc lays it out):
 * <pre>{@code
 * struct Particle {  // size 28, alignment 4
 *     struct Vec3 pos;  // offset 0
 *     struct Vec3 vel;  // offset 12
 *     float mass;  // offset 24
 * };
 * }</pre>
 *
 * <p>Blocks come from a dedicated {@code SpecialBucket} with a stride of exactly 28 bytes, so no
 * byte is lost to rounding.
 * <p>All methods work on raw addresses, as in C: an address used after {@code free} is a bug. With
 * {@code -Dgmalloc.checked=true} every accessor first checks that the struct lies inside a live
 * gmalloc block and throws {@code io.gmalloc.InvalidAccessException} otherwise.
 */
@Generated(
        value = "io.gmalloc.processor.GMallocBucketProcessor",
        comments = "from @GMallocBucket record com.example.Particle"
)
public final class ParticleBucket {
    /**
     * The C layout of the nested {@code com.example.Vec3}.
     */
    private static final StructLayout Vec3$LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_FLOAT.withName("x"),
            ValueLayout.JAVA_FLOAT.withName("y"),
            ValueLayout.JAVA_FLOAT.withName("z"))
            .withName("Vec3");

    /**
     * The C layout of {@code Particle}: members {@code pos}, {@code vel}, {@code mass}, padding
     * explicit.
     */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            Vec3$LAYOUT.withName("pos"),
            Vec3$LAYOUT.withName("vel"),
            ValueLayout.JAVA_FLOAT.withName("mass"))
            .withName("Particle");

    /**
     * Bytes per {@code Particle}, trailing padding included; also the distance between blocks.
     */
    public static final long SIZE = 28L;

    /**
     * Alignment of {@code Particle}: its largest member alignment; every block is aligned to it.
     */
    public static final long ALIGNMENT = 4L;

    /**
     * Byte offset of {@code pos}.
     */
    private static final long pos$OFFSET = 0L;

    /**
     * Byte offset of {@code vel}.
     */
    private static final long vel$OFFSET = 12L;

    /**
     * Byte offset of {@code mass}.
     */
    private static final long mass$OFFSET = 24L;

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
    private static final SpecialBucket BUCKET$ = new SpecialBucket("com.example.Particle", SIZE, ALIGNMENT);

    /**
     * Static members only.
     */
    private ParticleBucket() {
    }

    /**
     * Allocates a zeroed {@code Particle} block from this type's own bucket ({@code SIZE} bytes
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
    public static long alloc(Particle value) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(value.pos(), "component 'pos' is null");
        Objects.requireNonNull(value.vel(), "component 'vel' is null");
        long address = alloc();
        store$Vec3(address + pos$OFFSET, value.pos());
        store$Vec3(address + vel$OFFSET, value.vel());
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + mass$OFFSET, value.mass());
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
        return new InvalidFreeException(e.address(), e.reason(), "ParticleBucket.free: " + e.getMessage() + " (a block from allocArray is freed with freeArray(long))");
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Particle} structs, {@code SIZE}
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
            throw new IllegalArgumentException("ParticleBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("ParticleBucket.allocArray: " + count + " elements of 28 bytes overflow a long");
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
            throw new InvalidFreeException(base, InvalidFreeException.Reason.WRONG_BUCKET, "ParticleBucket.freeArray: address 0x" + Long.toHexString(base) + " is a single Particle block from alloc(), not an array from allocArray; free it with free(long); nothing was changed");
        }
        GMalloc.gfree(base);
    }

    /**
     * Allocates a zeroed {@code Particle} block in {@code region}: it is freed when the region
     * closes, or earlier with {@link #free(long)}.
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
    public static long alloc(Region region, Particle value) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(value.pos(), "component 'pos' is null");
        Objects.requireNonNull(value.vel(), "component 'vel' is null");
        long address = alloc(region);
        store$Vec3(address + pos$OFFSET, value.pos());
        store$Vec3(address + vel$OFFSET, value.vel());
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + mass$OFFSET, value.mass());
        return address;
    }

    /**
     * Allocates a zeroed array of {@code count} contiguous {@code Particle} structs in
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
            throw new IllegalArgumentException("ParticleBucket.allocArray: count must not be negative: " + count);
        }
        if (count > Long.MAX_VALUE / SIZE) {
            throw new IllegalArgumentException("ParticleBucket.allocArray: " + count + " elements of 28 bytes overflow a long");
        }
        return region.gcalloc(count, SIZE);
    }

    /**
     * Reads the whole {@code Particle} at {@code address} into a new record (arrays are fresh
     * copies).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return a heap copy
     */
    public static Particle load(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return new Particle(
                load$Vec3(address + pos$OFFSET),
                load$Vec3(address + vel$OFFSET),
                MEMORY$.get(ValueLayout.JAVA_FLOAT_UNALIGNED, address + mass$OFFSET));
    }

    /**
     * Writes every component of {@code value} to the {@code Particle} at {@code address}. Every
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
    public static void store(long address, Particle value) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(value.pos(), "component 'pos' is null");
        Objects.requireNonNull(value.vel(), "component 'vel' is null");
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        store$Vec3(address + pos$OFFSET, value.pos());
        store$Vec3(address + vel$OFFSET, value.vel());
        MEMORY$.set(ValueLayout.JAVA_FLOAT_UNALIGNED, address + mass$OFFSET, value.mass());
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
     * Reads {@code Vec3 vel} (offset 12) into a new record.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return the component's value
     */
    public static Vec3 vel(long address) {
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        return load$Vec3(address + vel$OFFSET);
    }

    /**
     * Writes {@code Vec3 vel} (offset 12).
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @param value the new value
     * @throws NullPointerException if {@code value} is null (nothing is written)
     */
    public static void vel(long address, Vec3 value) {
        Objects.requireNonNull(value, "component 'vel' is null");
        if (CHECKED$) {
            GMalloc.checkAccess(address, SIZE);
        }
        store$Vec3(address + vel$OFFSET, value);
    }

    /**
     * Returns the address of the nested {@code Vec3 vel} (offset 12), for the accessors of
     * {@code Vec3}'s generated bucket class.
     *
     * @param address a live block from {@link #alloc()}, or the address of a nested struct of this
     *     type
     * @return {@code address} plus the component's offset
     */
    public static long velAddress(long address) {
        return address + vel$OFFSET;
    }

    /**
     * Reads {@code float mass} (offset 24).
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
     * Writes {@code float mass} (offset 24).
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
     * Views the {@code Particle} at {@code address} as a segment of {@code SIZE} bytes (global
     * scope: it stays usable after {@link #free(long)}, like the raw address).
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
}
