package com.example;

import io.gmalloc.annotations.GMallocBucket;

/** Dedicated with a custom name: 16 bytes would fit the general bucket, dedicated forces its own. */
@GMallocBucket(name = "Ticks", dedicated = true)
public record Tick(long time, double price) {}
