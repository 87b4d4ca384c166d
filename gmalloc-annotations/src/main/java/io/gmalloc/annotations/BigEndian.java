package io.gmalloc.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a multi-byte primitive component (or a primitive array's elements) in big-endian (network) byte order,
 * for wire formats. On the record (or annotated interface) itself it applies to every multi-byte primitive
 * component; a nested record keeps the byte order of its own declaration.
 * <pre>{@code
 * record Header(@BigEndian short port, @BigEndian int sequence) {}
 * // C:  typedef struct Header {
 * //       int16_t port;      // big-endian
 * //       int32_t sequence;  // big-endian
 * //     } Header;
 * }</pre>
 *
 * <p>Accessors, {@code load}, {@code store} and the generated {@code LAYOUT} (value layouts
 * {@code withOrder(ByteOrder.BIG_ENDIAN)}) all use big-endian order; the C type is unchanged (C code converts with
 * {@code ntohl} and friends). Not allowed together with {@link Atomic}.
 *
 * <p>On an annotated interface, put it on the getter or on the interface.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE})
public @interface BigEndian {}
