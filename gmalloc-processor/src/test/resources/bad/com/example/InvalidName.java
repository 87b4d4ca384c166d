package com.example;

import io.gmalloc.annotations.GMallocBucket;

@GMallocBucket(name = "com.example.Dotted")
record Dotted(int x) {}

@GMallocBucket(name = "class")
record Keyword(int x) {}

@GMallocBucket(name = "9Lives")
record Digit(int x) {}
