package io.gmalloc.examples.orderbook;

/** Which side of the book an order takes; stored off-heap as a one-byte ordinal. */
public enum Side {
    /** Takes the best ask. */
    BUY,
    /** Takes the best bid. */
    SELL
}
