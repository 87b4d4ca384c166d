package com.example;

import io.gmalloc.annotations.GMallocBucket;

/** Holds a member record: its C name and header are {@code Outer_Inner}. */
public final class Outer {
    private Outer() {}

    /** Tail padding after the boolean: 4 bytes. */
    @GMallocBucket
    public record Inner(char code, boolean set) {}
}
