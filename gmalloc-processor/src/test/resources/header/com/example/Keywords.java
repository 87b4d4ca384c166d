package com.example;

import io.gmalloc.annotations.GMallocBucket;

/** Component names C reserves, and one that takes the first padding member's name: all renamed in C. */
@GMallocBucket
public record Keywords(int union, long signed, byte _pad0, short unsigned, int int32_t) {}
