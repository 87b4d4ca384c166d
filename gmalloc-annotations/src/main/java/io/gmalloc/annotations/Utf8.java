package io.gmalloc.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a {@code String} component of a {@code @GMallocBucket} type inline as at most {@link #value()} bytes of
 * UTF-8, NUL-padded, like a C {@code char} array:
 * <pre>{@code
 * record Quote(@Utf8(8) String symbol, long price) {}
 * // C:  typedef struct Quote { char symbol[8]; int64_t price; } Quote;
 * }</pre>
 *
 * <p>Reading decodes the bytes up to the first NUL (or all {@code n} when there is none, so a full field has no
 * terminator, as with {@code strncpy}). Writing encodes the string and pads the rest with NUL bytes; a string of
 * more than {@code n} UTF-8 bytes, one containing {@code '\0'}, or {@code null} throws
 * {@code IllegalArgumentException} naming the component, the byte count and {@code n}, and writes nothing.
 *
 * <p>On an annotated interface, put it on the getter.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Utf8 {
    /**
     * Capacity in bytes (not characters), positive.
     *
     * @return the number of bytes the struct reserves
     */
    int value();
}
