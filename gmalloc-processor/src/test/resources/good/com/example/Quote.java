package com.example;

import io.gmalloc.annotations.Atomic;
import io.gmalloc.annotations.GMallocBucket;
import io.gmalloc.annotations.Length;
import io.gmalloc.annotations.Utf8;

/** An interface flyweight with the vocabulary on its getters. */
@GMallocBucket
public interface Quote {
    @Utf8(6)
    String symbol();

    void symbol(String value);

    Side side();

    void side(Side value);

    @Length(3)
    long[] sizes();

    void sizes(long[] value);

    @Atomic
    int hits();

    void hits(int value);
}
