package com.example;

import io.gmalloc.annotations.GMallocBucket;

@GMallocBucket
record Broken(String label) {}

@GMallocBucket
record UsesBroken(int id, Broken broken) {}
