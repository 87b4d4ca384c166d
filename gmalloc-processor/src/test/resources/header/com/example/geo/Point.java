package com.example.geo;

import io.gmalloc.annotations.GMallocBucket;

/** A record in a package of its own: other packages' headers include it by a relative path. */
@GMallocBucket
public record Point(double x, double y) {}
