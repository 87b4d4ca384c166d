package com.example;

import io.gmalloc.annotations.GMallocBucket;

@GMallocBucket
record Point2(int x, int y) {}

@GMallocBucket
record Reserved(int free, long load, Point2 at, long atAddress, int allocArray) {}
