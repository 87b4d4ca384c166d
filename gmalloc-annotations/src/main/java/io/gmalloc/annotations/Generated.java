package io.gmalloc.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class the gmalloc annotation processor wrote, for example the {@code Vec3Bucket} generated from
 * {@code @GMallocBucket record Vec3(float x, float y, float z) {}}:
 * <pre>
 * &#64;Generated(value = "io.gmalloc.processor.GMallocBucketProcessor",
 *         comments = "from &#64;GMallocBucket record com.example.Vec3")
 * public final class Vec3Bucket { ... }
 * </pre>
 *
 * <p>Used instead of {@code javax.annotation.processing.Generated} for two reasons. That annotation has
 * {@code SOURCE} retention, and no processor claims it, so a user build with {@code -Xlint:all -Werror} fails on
 * "No processor claimed any of these annotations"; the gmalloc processor claims this one. And this annotation has
 * {@code CLASS} retention, so coverage tools that skip classes annotated with an annotation named
 * {@code Generated} (JaCoCo does) skip generated buckets; it also needs no {@code requires java.compiler} in a
 * named module, since every module that uses {@link GMallocBucket} already reads this one.
 *
 * <p>Not meant for hand-written code; nothing reads it at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.CONSTRUCTOR})
public @interface Generated {

    /**
     * Names the code generator, by the fully qualified name of its processor class.
     *
     * @return e.g. {@code "io.gmalloc.processor.GMallocBucketProcessor"}
     */
    String[] value();

    /**
     * Says what the code was generated from.
     *
     * @return e.g. {@code "from @GMallocBucket record com.example.Vec3"}; empty when there is nothing to say
     */
    String comments() default "";
}
