package com.example;

import io.gmalloc.annotations.GMallocBucket;

/** A uint16_t enum ordinal next to a byte. */
@GMallocBucket
public record Coded(byte tag, Many code) {}
