package io.gmalloc.examples.orderbook;

import io.gmalloc.annotations.GMallocBucket;

/**
 * One price level of a book side: 24 bytes, inlined into {@link Book} as {@code PriceLevel bids[5]}.
 *
 * @param priceTicks price in ticks of the instrument
 * @param quantity quantity resting at this price
 * @param orderCount orders resting at this price
 */
@GMallocBucket
public record PriceLevel(long priceTicks, long quantity, int orderCount) {}
