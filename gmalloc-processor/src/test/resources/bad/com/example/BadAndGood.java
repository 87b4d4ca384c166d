package com.example;

import io.gmalloc.annotations.GMallocBucket;

@GMallocBucket
record BadOne(String text) {}

@GMallocBucket
record GoodOne(int x, int y) {}

@GMallocBucket
record BadTwo() {}
