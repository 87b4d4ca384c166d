package com.example;

import io.gmalloc.annotations.GMallocBucket;

/** Padded: every primitive, C padding between members; 40 bytes, so the general 40-byte bucket. */
@GMallocBucket
public record Padded(byte flag, long id, short kind, boolean alive, char tag, double weight, int count) {}
