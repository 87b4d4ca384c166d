package io.gmalloc.examples.orderbook;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * An order book kept off-heap with the struct vocabulary ({@code ./mvnw -q -pl examples -am -DskipTests package}
 * then run {@code io.gmalloc.examples.orderbook.OrderBook}): a {@link Book} with an inline {@code @Utf8} symbol,
 * {@code @Length} arrays of {@link PriceLevel}s and {@code @Atomic} counters; matching threads take the best price
 * of the opposite side, count every fill on the shared counters and write it as a big-endian {@link Fill} into a
 * journal, a contiguous array of fills. At the end the counters must equal exactly what the threads did.
 */
public final class OrderBook {
    private OrderBook() {}

    /**
     * What a run did.
     *
     * @param fills the book's fill counter
     * @param filledQuantity the book's filled-quantity counter
     * @param expectedQuantity the quantity the threads sent
     * @param firstFill the wire bytes of journal slot 0
     */
    public record Result(long fills, long filledQuantity, long expectedQuantity, byte[] firstFill) {}

    /**
     * Runs two matching threads of 1,000,000 orders each and prints the result.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out, 2, 1_000_000);
    }

    /**
     * Runs the matching threads and checks the counters and the journal.
     *
     * @param out where the report goes
     * @param threads matching threads
     * @param ordersPerThread orders each thread sends
     * @return the counters and the first fill's bytes
     * @throws IllegalStateException if a counter or a journal slot does not match what the threads did
     */
    public static Result run(PrintStream out, int threads, int ordersPerThread) {
        long book = BookBucket.alloc(new Book("EURUSD", levels(10_850, -1), levels(10_851, 1), 0, 0, 0));
        long journal = FillBucket.allocArray((long) threads * ordersPerThread);
        try {
            out.printf(
                    "book %s: best bid %d, best ask %d (%d bytes off-heap, fill journal %d x %d bytes)%n",
                    BookBucket.symbol(book),
                    bestPrice(book, Side.SELL),
                    bestPrice(book, Side.BUY),
                    BookBucket.SIZE,
                    (long) threads * ordersPerThread,
                    FillBucket.SIZE);
            long started = System.nanoTime();
            long expectedQuantity = match(book, journal, threads, ordersPerThread);
            long elapsed = System.nanoTime() - started;

            long fills = BookBucket.fillsVolatile(book);
            long quantity = BookBucket.filledQuantityVolatile(book);
            if (fills != (long) threads * ordersPerThread || quantity != expectedQuantity) {
                throw new IllegalStateException("counters lost updates: " + fills + " fills, " + quantity
                        + " filled, expected " + (long) threads * ordersPerThread + " and " + expectedQuantity);
            }
            checkJournal(journal, fills);
            byte[] first = FillBucket.segment(FillBucket.elementAddress(journal, 0))
                    .toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            out.printf(
                    "%d threads: %,d fills, %,d filled, exactly as sent, in %d ms%n",
                    threads, fills, quantity, elapsed / 1_000_000);
            out.printf(
                    "fill #0 on the wire (big-endian): %s%n",
                    HexFormat.ofDelimiter(" ").formatHex(first));
            return new Result(fills, quantity, expectedQuantity, first);
        } finally {
            FillBucket.freeArray(journal);
            BookBucket.free(book);
        }
    }

    /** Five levels one tick apart, away from {@code best} in direction {@code step}. */
    private static PriceLevel[] levels(long best, int step) {
        PriceLevel[] levels = new PriceLevel[BookBucket.BIDS_LENGTH];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = new PriceLevel(best + (long) i * step, 1_000_000L * (i + 1), 10 + i);
        }
        return levels;
    }

    /** The price an order of {@code side} trades at: the best level of the opposite side, read in place. */
    private static long bestPrice(long book, Side side) {
        long level = side == Side.BUY ? BookBucket.asksAddress(book) : BookBucket.bidsAddress(book);
        return PriceLevelBucket.priceTicks(level);
    }

    private static long match(long book, long journal, int threads, int ordersPerThread) {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long expectedQuantity = 0;
        for (int t = 0; t < threads; t++) {
            int thread = t;
            for (int i = 0; i < ordersPerThread; i++) {
                expectedQuantity += quantity(thread, i);
            }
            workers.add(Thread.ofPlatform().name("matcher-" + t).start(() -> {
                await(start);
                for (int i = 0; i < ordersPerThread; i++) {
                    Side side = (i & 1) == 0 ? Side.BUY : Side.SELL;
                    int quantity = quantity(thread, i);
                    long price = bestPrice(book, side);
                    int sequence = BookBucket.sequenceGetAndAdd(book, 1);
                    BookBucket.fillsGetAndAdd(book, 1);
                    BookBucket.filledQuantityGetAndAdd(book, quantity);
                    long slot = FillBucket.elementAddress(journal, sequence);
                    FillBucket.orderId(slot, ((long) thread << 32) | i);
                    FillBucket.symbol(slot, "EURUSD");
                    FillBucket.side(slot, side);
                    FillBucket.priceTicks(slot, price);
                    FillBucket.quantity(slot, quantity);
                    FillBucket.sequence(slot, sequence);
                }
            }));
        }
        start.countDown();
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while matching", e);
            }
        }
        return expectedQuantity;
    }

    private static int quantity(int thread, int i) {
        return 1 + (i + thread) % 7;
    }

    /** Every slot was written exactly once, by the thread that drew its sequence number. */
    private static void checkJournal(long journal, long fills) {
        for (long i = 0; i < fills; i++) {
            long slot = FillBucket.elementAddress(journal, i);
            Fill fill = FillBucket.load(slot);
            if (fill.sequence() != i || !fill.symbol().equals("EURUSD")) {
                throw new IllegalStateException("journal slot " + i + " holds " + fill);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before matching", e);
        }
    }
}
