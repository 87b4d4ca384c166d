package io.gmalloc.contract;

import io.gmalloc.GMalloc;
import io.gmalloc.SpecialBucket;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * One kind of allocator the {@link AllocatorContract} runs over: how to get a block, how to free it through the
 * kind's own free, and what the block must look like.
 *
 * @param name shown as the dynamic test's name
 * @param blockSize the exact usable size of every block ({@code GMalloc.usableSize})
 * @param alignment every address is a multiple of this
 * @param ownBucket {@code true} if {@code free} rejects blocks of other buckets (WRONG_BUCKET), {@code false} if it
 *     accepts any gmalloc block (it is {@code GMalloc.gfree})
 * @param freeMessagePrefix how the kind's free starts the message of an {@code InvalidFreeException}
 * @param alloc allocates one block
 * @param free frees one block through the kind's own free
 */
public record Kind(
        String name,
        long blockSize,
        long alignment,
        boolean ownBucket,
        String freeMessagePrefix,
        LongSupplier alloc,
        LongConsumer free) {

    /**
     * A general bucket reached through {@code GMalloc.gmalloc(size)}.
     *
     * @param size the requested size, 1..512
     * @return the kind; its blocks are {@code size} rounded up to 8
     */
    public static Kind general(long size) {
        long block = (size + 7) / 8 * 8;
        return new Kind(
                "gmalloc(" + size + ") in the " + block + "-byte bucket",
                block,
                8,
                false,
                "GMalloc.gfree: ",
                () -> GMalloc.gmalloc(size),
                GMalloc::gfree);
    }

    /**
     * A {@link SpecialBucket} used directly.
     *
     * @param bucket the bucket
     * @return the kind; its blocks are exactly one stride long
     */
    public static Kind special(SpecialBucket bucket) {
        return new Kind(
                bucket.toString(),
                bucket.stride(),
                bucket.alignment(),
                true,
                "SpecialBucket(" + bucket.name() + ").free: ",
                bucket::alloc,
                bucket::free);
    }

    @Override
    public String toString() {
        return name;
    }
}
