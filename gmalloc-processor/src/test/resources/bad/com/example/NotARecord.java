package com.example;

import io.gmalloc.annotations.GMallocBucket;

@GMallocBucket
final class NotARecord {}

@GMallocBucket
@interface NotARecordEither {}

@GMallocBucket
enum NotARecordAtAll { A }
