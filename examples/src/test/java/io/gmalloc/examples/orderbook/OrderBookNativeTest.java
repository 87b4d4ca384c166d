package io.gmalloc.examples.orderbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds {@code src/main/c/orderbook.c} with gcc against the {@code Book.h} and {@code Fill.h} this build
 * generated and runs it on a book Java wrote: a full {@code @Utf8} symbol, big-endian fill quantities, and fill
 * counters Java and C update atomically from two threads at once. Skipped when gcc is not on the PATH.
 */
class OrderBookNativeTest {
    private static final String HEADER = "META-INF/gmalloc/include/io/gmalloc/examples/orderbook/Book.h";

    @TempDir
    static Path build;

    private static NativeOrderBook c;

    @BeforeAll
    static void buildLibrary() throws IOException, InterruptedException, URISyntaxException {
        assumeTrue(onPath("gcc"), "gcc is not on the PATH");
        URL header = OrderBookNativeTest.class.getClassLoader().getResource(HEADER);
        assertThat(header)
                .as("the processor wrote %s into the class output", HEADER)
                .isNotNull();
        Path file = Path.of(header.toURI());
        Path include = file.getRoot().resolve(file.subpath(0, file.getNameCount() - 5)); // strip the package
        Path source = Path.of(System.getProperty("examples.c.dir", "src/main/c"), "orderbook.c");
        Path library = build.resolve("liborderbook.so");
        run(List.of(
                "gcc",
                "-std=c11",
                "-Wall",
                "-Wextra",
                "-Werror",
                "-pedantic",
                "-O2",
                "-shared",
                "-fPIC",
                "-I",
                include.toString(),
                "-o",
                library.toString(),
                source.toString()));
        c = NativeOrderBook.load(library);
    }

    @Test
    void cReadsTheBookAndTheBigEndianJournalJavaWrote() {
        long book = BookBucket.alloc(new Book("ABCDEFGHIJKL", levels(100), levels(101), 3, 0, 0));
        long journal = FillBucket.allocArray(4);
        try {
            assertThat(c.describe(book))
                    .as("a full 12-byte symbol has no NUL")
                    .isEqualTo("ABCDEFGHIJKL bid 100 ask 101 fills 3");
            BookBucket.symbol(book, "EURUSD");
            assertThat(c.describe(book)).isEqualTo("EURUSD bid 100 ask 101 fills 3");
            long expected = 0;
            for (int i = 0; i < 4; i++) {
                int quantity = 0x01020304 * (i + 1);
                FillBucket.store(
                        FillBucket.elementAddress(journal, i), new Fill(i, "EURUSD", Side.BUY, 100, quantity, i));
                expected += quantity;
            }
            assertThat(c.fillQuantity(journal, 4)).isEqualTo(expected);
        } finally {
            FillBucket.freeArray(journal);
            BookBucket.free(book);
        }
    }

    @Test
    void javaAndCCountOnTheSameAtomicCounters() throws InterruptedException {
        long book = BookBucket.alloc();
        try {
            int each = 100_000;
            Thread java = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < each; i++) {
                    BookBucket.fillsGetAndAdd(book, 1);
                    BookBucket.filledQuantityGetAndAdd(book, 2);
                }
            });
            Thread cSide = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < each; i++) {
                    c.countFill(book, 3);
                }
            });
            java.join();
            cSide.join();
            assertThat(BookBucket.fillsVolatile(book)).isEqualTo(2L * each);
            assertThat(BookBucket.filledQuantityVolatile(book)).isEqualTo(5L * each);
        } finally {
            BookBucket.free(book);
        }
    }

    private static PriceLevel[] levels(long best) {
        PriceLevel[] levels = new PriceLevel[BookBucket.BIDS_LENGTH];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = new PriceLevel(best + i, 10, 1);
        }
        return levels;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("%s finished", command.getFirst())
                .isTrue();
        assertThat(process.exitValue()).as("%s failed: %s", command, output).isZero();
    }
}
