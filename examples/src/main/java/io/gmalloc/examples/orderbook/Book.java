package io.gmalloc.examples.orderbook;

import io.gmalloc.annotations.Atomic;
import io.gmalloc.annotations.GMallocBucket;
import io.gmalloc.annotations.Length;
import io.gmalloc.annotations.Utf8;

/**
 * The top of an order book, one block off-heap (280 bytes, as C sees it:
 * {@code char symbol[12]; PriceLevel bids[5]; PriceLevel asks[5]; int64_t fills; int64_t filledQuantity;
 * int32_t sequence;}). The feed thread writes the levels; matching threads share the counters through the atomic
 * accessors {@code BookBucket.fillsGetAndAdd} and friends.
 *
 * @param symbol instrument, at most 12 bytes of UTF-8
 * @param bids best bids, best first
 * @param asks best asks, best first
 * @param fills number of fills so far
 * @param filledQuantity quantity filled so far
 * @param sequence next fill sequence number (also the fill's slot in the journal)
 */
@GMallocBucket
public record Book(
        @Utf8(12) String symbol,
        @Length(5) PriceLevel[] bids,
        @Length(5) PriceLevel[] asks,
        @Atomic long fills,
        @Atomic long filledQuantity,
        @Atomic int sequence) {}
