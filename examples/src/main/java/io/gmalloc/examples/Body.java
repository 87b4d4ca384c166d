package io.gmalloc.examples;

import io.gmalloc.annotations.GMallocBucket;

/**
 * A rigid body as an interface of getter/setter pairs: the generated {@code BodyBucket.Ref} implements it over an
 * off-heap struct (20 bytes: a {@link Vec3}, a float and a boolean, padded to 4), and one {@code Ref} can walk
 * millions of them with {@code moveTo}.
 */
@GMallocBucket
public interface Body {
    /**
     * Returns the centre of mass.
     *
     * @return position in metres
     */
    Vec3 pos();

    /**
     * Sets the centre of mass.
     *
     * @param value position in metres
     */
    void pos(Vec3 value);

    /**
     * Returns the mass.
     *
     * @return kilograms
     */
    float mass();

    /**
     * Sets the mass.
     *
     * @param value kilograms
     */
    void mass(float value);

    /**
     * Returns whether the body takes part in the simulation.
     *
     * @return {@code true} when active
     */
    boolean active();

    /**
     * Activates or deactivates the body.
     *
     * @param value {@code true} to activate
     */
    void active(boolean value);

    /**
     * Returns the weight, computed from the off-heap mass.
     *
     * @return newtons at standard gravity
     */
    default float weight() {
        return mass() * 9.81f;
    }
}
