package io.gmalloc.contract;

import io.gmalloc.SpecialBucket;
import java.util.List;

/** The allocator contract for special buckets: strides from 1 byte to 64 KiB, most of them not multiples of 8. */
class SpecialBucketContractTest extends AllocatorContract {

    private static final List<Kind> KINDS = List.of(
            special(1, 1),
            special(3, 1),
            special(6, 2),
            special(12, 4),
            special(20, 4),
            special(24, 8),
            special(100, 4),
            special(4096, 8),
            special(65536, 8));

    private static Kind special(long stride, long alignment) {
        return Kind.special(new SpecialBucket("contract.s" + stride, stride, alignment));
    }

    @Override
    protected List<Kind> kinds() {
        return KINDS;
    }
}
