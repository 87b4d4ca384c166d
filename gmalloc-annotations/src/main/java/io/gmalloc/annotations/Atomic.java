package io.gmalloc.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives an {@code int} or {@code long} component atomic accessors, for counters and flags shared between threads:
 * <pre>{@code
 * record Book(long id, @Atomic long fills) {}
 * // C:  typedef struct Book { int64_t id; int64_t fills; } Book;   (use _Atomic or __atomic_* in C)
 * }</pre>
 *
 * <p>Besides the plain getter and setter the generated bucket has, for component {@code c},
 * {@code cVolatile(address)}, {@code cVolatile(address, value)}, {@code cGetAndAdd(address, delta)} and
 * {@code cCompareAndSet(address, expected, value)}, with the memory semantics of the {@code VarHandle} methods of
 * the same names. The component is naturally aligned in every block (the struct's alignment is at least the
 * component's size, and every bucket aligns its blocks to the struct's alignment). Not allowed together with
 * {@link BigEndian}.
 *
 * <p>On an annotated interface, put it on the getter.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Atomic {}
