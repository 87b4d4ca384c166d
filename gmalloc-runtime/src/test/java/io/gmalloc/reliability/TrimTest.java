package io.gmalloc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.gmalloc.GMalloc;
import io.gmalloc.SpecialBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code trim()} gives memory back and what comes after it starts small again (docs/design.md §3 invariant 5): a program
 * that keeps one block alive and trims now and then must not see its reservation grow round after round.
 */
class TrimTest {
    private static final SpecialBucket VEC3 = new SpecialBucket("trim.Vec3", 12, 4);

    private static void assertNoRoundReservesMoreThanTheFirst(List<Long> growth) {
        assertThat(growth.getFirst()).as("the first round maps a slab").isPositive();
        assertThat(growth)
                .as("reservation per round (bytes) after trim: %s", growth)
                .allSatisfy(g -> assertThat(g).isLessThanOrEqualTo(growth.getFirst()));
    }

    private static long reservedWhileLive(long size, SpecialBucket bucket) {
        long block = bucket == null ? GMalloc.gmalloc(size) : bucket.alloc();
        long reserved = GMalloc.stats().reservedBytes();
        GMalloc.gfree(block);
        return reserved;
    }

    /**
     * Six rounds of: trim, allocate one block, note the reservation, free it, trim. Platform rounds run on one
     * fresh thread (its heap persists between rounds and holds no other test's blocks); virtual rounds on a new
     * virtual thread each (they share the stripes). 488 bytes: a bucket other tests hardly use.
     */
    private static List<Long> rounds(SpecialBucket bucket, boolean virtual) throws Exception {
        List<Long> growth = new ArrayList<>();
        try (ExecutorService sameThread = Executors.newSingleThreadExecutor()) {
            for (int i = 0; i < 6; i++) {
                GMalloc.trim();
                long before = GMalloc.stats().reservedBytes();
                AtomicReference<Long> reserved = new AtomicReference<>();
                Runnable round = () -> {
                    reserved.set(reservedWhileLive(488, bucket));
                    GMalloc.trim();
                };
                if (virtual) {
                    Thread.ofVirtual().start(round).join();
                } else {
                    sameThread.submit(round).get();
                }
                growth.add(reserved.get() - before);
            }
        }
        return growth;
    }

    @Test
    void aTrimmedGeneralBucketStartsWithASmallSlabAgain() throws Exception {
        assertNoRoundReservesMoreThanTheFirst(rounds(null, false));
    }

    @Test
    void aTrimmedSpecialBucketStartsWithASmallSlabAgain() throws Exception {
        assertNoRoundReservesMoreThanTheFirst(rounds(VEC3, false));
    }

    @Test
    void virtualThreadStripesStartWithASmallSlabAgainAfterTrim() throws Exception {
        assertNoRoundReservesMoreThanTheFirst(rounds(null, true));
    }

    @Test
    void trimGivesBackEverythingFreedByTheCallingThread() {
        GMalloc.trim();
        long before = GMalloc.stats().reservedBytes();
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            blocks.add(GMalloc.gmalloc(8 + (i % 64) * 8));
        }
        assertThat(GMalloc.stats().reservedBytes()).isGreaterThan(before);
        blocks.forEach(GMalloc::gfree);
        long released = GMalloc.trim();
        assertThat(released).isPositive();
        assertThat(GMalloc.stats().reservedBytes())
                .as("back to where it started")
                .isLessThanOrEqualTo(before);
    }
}
