package io.gmalloc.examples.orderbook;

import io.gmalloc.annotations.BigEndian;
import io.gmalloc.annotations.GMallocBucket;
import io.gmalloc.annotations.Utf8;

/**
 * A fill as sent on the wire: every multi-byte field in network byte order, 40 bytes, so a journal of fills can be
 * handed to a socket or a C reader as it is.
 *
 * @param orderId the order that traded
 * @param symbol instrument
 * @param side the order's side
 * @param priceTicks trade price in ticks
 * @param quantity traded quantity
 * @param sequence the book's fill sequence number
 */
@BigEndian
@GMallocBucket
public record Fill(long orderId, @Utf8(12) String symbol, Side side, long priceTicks, int quantity, int sequence) {}
