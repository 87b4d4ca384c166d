package com.example;

import io.gmalloc.annotations.GMallocBucket;

@GMallocBucket
interface Unpaired {
    int count();
}

@GMallocBucket
interface Odd {
    int x();

    void x(int value);

    int sum(int a, int b);
}

@GMallocBucket
interface Mismatch {
    int y();

    void y(long value);
}

@GMallocBucket
interface Extends extends Runnable {
    int z();

    void z(int value);
}

@GMallocBucket
interface ReservedName {
    long address();

    void address(long value);
}

@GMallocBucket
interface NoPairs {
    default int answer() {
        return 42;
    }
}
