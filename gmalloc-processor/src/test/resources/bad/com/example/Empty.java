package com.example;

import io.gmalloc.annotations.GMallocBucket;

@GMallocBucket
record Empty() {}
