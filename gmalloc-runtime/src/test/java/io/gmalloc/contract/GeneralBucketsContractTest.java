package io.gmalloc.contract;

import java.util.List;
import java.util.stream.LongStream;

/** The allocator contract for all 64 general buckets, reached with requested sizes that round up and exact ones. */
class GeneralBucketsContractTest extends AllocatorContract {

    private static final List<Kind> KINDS = LongStream.rangeClosed(1, 64)
            .map(i -> i * 8 - (i % 8)) // 7, 14, 21 … 64 … 505, 512: every bucket, half of them by a rounded-up size
            .mapToObj(Kind::general)
            .toList();

    @Override
    protected List<Kind> kinds() {
        return KINDS;
    }
}
