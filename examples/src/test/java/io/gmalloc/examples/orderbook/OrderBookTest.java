package io.gmalloc.examples.orderbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The order book example: exact counters from two threads, the wire layout, and the book's C layout. */
class OrderBookTest {

    @Test
    void twoMatchingThreadsCountEveryFillExactly() {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        OrderBook.Result result = OrderBook.run(new PrintStream(report, true, StandardCharsets.UTF_8), 2, 50_000);
        assertThat(result.fills()).isEqualTo(100_000);
        assertThat(result.filledQuantity()).isEqualTo(result.expectedQuantity()).isPositive();
        assertThat(report.toString(StandardCharsets.UTF_8))
                .contains("book EURUSD: best bid 10850, best ask 10851")
                .contains("100,000 fills");
    }

    @Test
    void fillsAreBigEndianOnTheWire() {
        long fill = FillBucket.alloc(new Fill(0x0102030405060708L, "EURUSD", Side.SELL, 10_851, 0x0A0B0C0D, 7));
        try {
            byte[] raw = FillBucket.segment(fill).toArray(ValueLayout.JAVA_BYTE);
            assertThat(FillBucket.SIZE).isEqualTo(40);
            assertThat(Arrays.copyOfRange(raw, 0, 8)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(new String(raw, 8, 6, StandardCharsets.UTF_8)).isEqualTo("EURUSD");
            assertThat(Arrays.copyOfRange(raw, 14, 20)).containsOnly(0);
            assertThat(raw[20]).as("SELL's ordinal").isEqualTo((byte) 1);
            assertThat(Arrays.copyOfRange(raw, 24, 32)).containsExactly(0, 0, 0, 0, 0, 0, 0x2A, 0x63); // 10851
            assertThat(Arrays.copyOfRange(raw, 32, 36)).containsExactly(0x0A, 0x0B, 0x0C, 0x0D);
            assertThat(Arrays.copyOfRange(raw, 36, 40)).containsExactly(0, 0, 0, 7);
            assertThatThrownBy(() -> FillBucket.symbol(fill, "A-SYMBOL-TOO-LONG"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'symbol'");
            assertThat(FillBucket.symbol(fill)).isEqualTo("EURUSD");
        } finally {
            FillBucket.free(fill);
        }
    }

    @Test
    void bookLayoutIsTheCLayout() {
        assertThat(PriceLevelBucket.SIZE).isEqualTo(24);
        assertThat(BookBucket.SIZE).isEqualTo(280);
        assertThat(BookBucket.ALIGNMENT).isEqualTo(8);
        assertThat(BookBucket.BIDS_LENGTH).isEqualTo(5);
        long book = BookBucket.alloc();
        try {
            assertThat(BookBucket.bidsAddress(book)).isEqualTo(book + 16);
            assertThat(BookBucket.asksAddress(book)).isEqualTo(book + 136);
            assertThat((book + 256) % 8).as("fills is naturally aligned").isZero();
            BookBucket.asks(book, 4, new PriceLevel(99, 1, 1));
            assertThat(PriceLevelBucket.priceTicks(BookBucket.asksAddress(book) + 4 * PriceLevelBucket.SIZE))
                    .isEqualTo(99);
            assertThatThrownBy(() -> BookBucket.asks(book, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        } finally {
            BookBucket.free(book);
        }
    }
}
