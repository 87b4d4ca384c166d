package com.example.shapes;

import com.example.Outer;
import com.example.geo.Point;
import io.gmalloc.annotations.GMallocBucket;

/** Nests records of a sibling package and of the parent package: includes "../geo/Point.h" and "../Outer_Inner.h". */
@GMallocBucket
public record Segment(Point from, Outer.Inner style, Point to, byte layer) {}
