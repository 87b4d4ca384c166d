package com.example;

import io.gmalloc.annotations.GMallocBucket;

class NotAccessible {
    @GMallocBucket
    private record Hidden(int x) {}

    private static class Secret {
        @GMallocBucket
        record Inside(int x) {}
    }
}
