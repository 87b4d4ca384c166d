package io.gmalloc.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores an array component of a {@code @GMallocBucket} type inline, as a fixed-size C array of {@link #value()}
 * elements. Any primitive array, or an array of another {@code @GMallocBucket} record:
 * <pre>{@code
 * record Level(@Length(4) int[] prices, @Length(2) Vec3[] corners) {}
 * // C:  typedef struct Level { int32_t prices[4]; Vec3 corners[2]; } Level;
 * }</pre>
 *
 * <p>The generated bucket has, for component {@code c}: {@code c(address, index)} and
 * {@code c(address, index, value)} for one element (an index outside {@code [0, n)} throws
 * {@code IndexOutOfBoundsException}, always checked), {@code c(address)} and {@code c(address, array)} for the whole
 * array (a fresh copy / a copy in), {@code cAddress(address)} for the address of element 0 and the constant
 * {@code C_LENGTH = n} (the component's name in upper snake case). Storing an array of another length throws
 * {@code IllegalArgumentException} naming the component and both lengths, and writes nothing.
 *
 * <p>On an annotated interface, put it on the getter.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Length {
    /**
     * Number of elements, positive; the struct always holds exactly this many.
     *
     * @return the element count
     */
    int value();
}
