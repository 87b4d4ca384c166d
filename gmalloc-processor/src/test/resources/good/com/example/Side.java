package com.example;

/** An order's side: two constants, stored as a uint8_t ordinal. */
public enum Side {
    BUY,
    SELL
}
