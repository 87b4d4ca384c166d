package io.gmalloc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gmalloc.InvalidAccessException;
import io.gmalloc.examples.orderbook.BookBucket;
import io.gmalloc.examples.orderbook.PriceLevel;
import io.gmalloc.examples.orderbook.PriceLevelBucket;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Generated accessors in checked mode ({@code -Dgmalloc.checked=true}). The flag is read once per JVM (the
 * generated classes fold it into a constant), so the probe runs in a JVM of its own.
 */
class CheckedModeTest {

    @Test
    void accessorsRejectFreedAndOutOfBlockAddresses() throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-Dgmalloc.checked=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Probe.class.getName()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output)
                .contains(
                        "nested ok",
                        "use after free rejected",
                        "past the block rejected",
                        "array element ok",
                        "atomic after free rejected",
                        "element after free rejected");
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** Runs in checked mode. */
    static final class Probe {
        private Probe() {}

        /**
         * Exercises valid and invalid accesses.
         *
         * @param args unused
         */
        public static void main(String[] args) {
            long p = ParticleBucket.alloc(new Particle(new Vec3(1, 2, 3), new Vec3(4, 5, 6), 7));
            if (Vec3Bucket.y(ParticleBucket.velAddress(p)) == 5f) {
                System.out.println("nested ok"); // a nested struct lies inside its parent's live block
            }
            try {
                Vec3Bucket.x(p + 20); // [p+20, p+32) runs 4 bytes past the 28-byte block
            } catch (InvalidAccessException e) {
                System.out.println("past the block rejected");
            }
            ParticleBucket.free(p);
            long v = Vec3Bucket.alloc();
            Vec3Bucket.free(v);
            try {
                Vec3Bucket.x(v);
            } catch (InvalidAccessException e) {
                System.out.println("use after free rejected");
            }
            long book = BookBucket.alloc();
            BookBucket.asks(book, 4, new PriceLevel(7, 1, 1));
            if (PriceLevelBucket.priceTicks(BookBucket.asksAddress(book) + 4 * PriceLevelBucket.SIZE) == 7) {
                System.out.println("array element ok"); // the last element still lies inside the block
            }
            BookBucket.free(book);
            try {
                BookBucket.fillsGetAndAdd(book, 1);
            } catch (InvalidAccessException e) {
                System.out.println("atomic after free rejected");
            }
            try {
                BookBucket.asks(book, 0);
            } catch (InvalidAccessException e) {
                System.out.println("element after free rejected");
            }
        }
    }
}
