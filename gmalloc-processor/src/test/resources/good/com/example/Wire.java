package com.example;

import io.gmalloc.annotations.BigEndian;
import io.gmalloc.annotations.GMallocBucket;

/** Big-endian on the record: every multi-byte component in network order; the byte has none. */
@BigEndian
@GMallocBucket
public record Wire(short port, int seq, long stamp, double price, char tag, byte ttl, float ratio) {}
