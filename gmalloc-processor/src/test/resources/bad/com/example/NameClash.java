package com.example;

import io.gmalloc.annotations.GMallocBucket;

class TakenBucket {}

@GMallocBucket
record Taken(int x) {}

@GMallocBucket(name = "NameClash")
record ClashesWithFile(int x) {}

@GMallocBucket(name = "Shared") record First(int x) {}

@GMallocBucket(name = "Shared") record Second(int x) {}

class NameClash {}
