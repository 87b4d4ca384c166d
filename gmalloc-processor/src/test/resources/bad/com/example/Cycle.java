package com.example;

import io.gmalloc.annotations.GMallocBucket;

@GMallocBucket
record Node(int value, Node next) {}

@GMallocBucket
record Ping(int n, Pong pong) {}

@GMallocBucket
record Pong(int n, Ping ping) {}
