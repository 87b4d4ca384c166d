package com.example;

import io.gmalloc.annotations.GMallocBucket;
import io.gmalloc.annotations.Length;
import io.gmalloc.annotations.Utf8;

/** A nested record with a string, an array and an enum: storing it can fail, so it is checked first. */
@GMallocBucket
public record Level(@Utf8(4) String venue, @Length(2) int[] qty, Side side) {}
