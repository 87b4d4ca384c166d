/*
 * Native side of the order book example: C reads the Book and the big-endian Fill journal that Java wrote
 * through the generated BookBucket and FillBucket, through the headers the annotation processor wrote from the
 * same records (META-INF/gmalloc/include/io/gmalloc/examples/orderbook/Book.h and Fill.h). Strings are
 * NUL-padded char arrays without a NUL when full; Fill's multi-byte fields are big-endian; Book's counters are
 * naturally aligned, so C's __atomic builtins may share them with Java's VarHandles.
 *
 * Build (OrderBookNativeTest does this when gcc is present):
 *   gcc -std=c11 -Wall -Wextra -Werror -pedantic -O2 -shared -fPIC \
 *       -I examples/target/classes/META-INF/gmalloc/include -o liborderbook.so examples/src/main/c/orderbook.c
 */
#include <stdio.h>

#include "io/gmalloc/examples/orderbook/Book.h"
#include "io/gmalloc/examples/orderbook/Fill.h"

/* A big-endian int32_t as the host sees it, byte by byte (no <arpa/inet.h> needed). */
static int32_t be32(const void *field) {
    const uint8_t *b = field;
    return (int32_t) ((uint32_t) b[0] << 24 | (uint32_t) b[1] << 16 | (uint32_t) b[2] << 8 | (uint32_t) b[3]);
}

/* Length of a @Utf8 char array: up to the first NUL, or all of it when full. */
static int utf8_length(const char *chars, size_t capacity) {
    size_t n = 0;
    while (n < capacity && chars[n] != '\0') {
        n++;
    }
    return (int) n;
}

/* Sum of the quantities of the first count fills of a journal (FillBucket.allocArray). */
int64_t orderbook_fill_quantity(const Fill *journal, size_t count) {
    int64_t total = 0;
    for (size_t i = 0; i < count; i++) {
        total += be32(&journal[i].quantity);
    }
    return total;
}

/* Adds one fill to the book's counters, atomically, as BookBucket.fillsGetAndAdd does from Java. */
void orderbook_count_fill(Book *book, int64_t quantity) {
    __atomic_fetch_add(&book->fills, 1, __ATOMIC_SEQ_CST);
    __atomic_fetch_add(&book->filledQuantity, quantity, __ATOMIC_SEQ_CST);
}

/* Writes "SYMBOL bid B ask A fills F" into out; returns what snprintf returns. */
int orderbook_describe(const Book *book, char *out, size_t capacity) {
    int64_t fills = __atomic_load_n(&book->fills, __ATOMIC_SEQ_CST);
    return snprintf(out, capacity, "%.*s bid %lld ask %lld fills %lld",
            utf8_length(book->symbol, sizeof book->symbol), book->symbol,
            (long long) book->bids[0].priceTicks, (long long) book->asks[0].priceTicks, (long long) fills);
}
