package com.example;

import io.gmalloc.annotations.GMallocBucket;

/** Interface of getter/setter pairs: a generated Ref flyweight implements it over an address; 20 bytes, special. */
@GMallocBucket
public interface Body {
    Vec3 pos();

    void pos(Vec3 value);

    float mass();

    void mass(float value);

    boolean active();

    void active(boolean value);

    /** Default methods work through the flyweight too. */
    default float weight() {
        return mass() * 9.81f;
    }
}
