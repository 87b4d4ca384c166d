package io.gmalloc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.gmalloc.GMalloc;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import io.gmalloc.Region;
import io.gmalloc.SpecialBucket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docs/design.md §2a: other threads free a region's blocks (small, special, large) with {@code gfree} while the owner
 * closes it. Every free either takes effect or is rejected as {@code NOT_OWNED}; nothing crashes (checked mode
 * writes poison into freed blocks: a free that slipped past the close would write into memory the next region
 * owns); no block is lost (stats return to the baseline) and none is handed out twice (the next region's blocks
 * are all distinct and keep their patterns while the frees of the old addresses are over).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RegionCloseRaceTest {
    private static final SpecialBucket VEC3 = new SpecialBucket("race.Vec3", 12, 4);
    private static final int FREERS = 3;
    private static final int BLOCKS = 600;

    @Test
    void remoteFreesRacingCloseEitherTakeEffectOrAreNotOwned() throws Exception {
        int rounds = Sizing.pick(300, 5000);
        GMalloc.trim();
        long liveBefore = GMalloc.stats().liveBlocks();
        AtomicReferenceArray<long[]> work = new AtomicReferenceArray<>(FREERS);
        CyclicBarrier start = new CyclicBarrier(FREERS + 1);
        CyclicBarrier done = new CyclicBarrier(FREERS + 1);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger notOwned = new AtomicInteger();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        List<Thread> freers = new ArrayList<>();
        for (int t = 0; t < FREERS; t++) {
            int index = t;
            freers.add(Thread.ofPlatform().daemon().name("race-freer-" + t).start(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        start.await();
                        for (long address : work.get(index)) {
                            try {
                                GMalloc.gfree(address);
                                accepted.incrementAndGet();
                            } catch (InvalidFreeException e) {
                                if (e.reason() != Reason.NOT_OWNED) {
                                    unexpected.compareAndSet(null, e);
                                }
                                notOwned.incrementAndGet();
                            }
                        }
                        done.await();
                    }
                } catch (Exception e) {
                    unexpected.compareAndSet(null, e);
                }
            }));
        }
        for (int r = 0; r < rounds; r++) {
            Region region = Region.open();
            long[] all = new long[BLOCKS];
            for (int i = 0; i < BLOCKS; i++) {
                all[i] = switch (i % 5) {
                    case 0 -> VEC3.alloc(region);
                    case 1 -> region.gmalloc(600 + i);
                    default -> region.gmalloc(8 + (i % 7) * 8);
                };
            }
            for (int t = 0; t < FREERS; t++) {
                long[] share = new long[BLOCKS / FREERS];
                for (int i = 0; i < share.length; i++) {
                    share[i] = all[i * FREERS + t];
                }
                work.set(t, share);
            }
            start.await();
            int spin = ThreadLocalRandom.current().nextInt(2000);
            for (int i = 0; i < spin; i++) {
                Thread.onSpinWait();
            }
            region.close();
            done.await();
            if (r % 50 == 0) {
                assertNothingHandedOutTwice();
            }
        }
        for (Thread freer : freers) {
            freer.join();
        }
        Sizing.report(
                "RegionCloseRaceTest",
                "rounds=" + rounds + " freers=" + FREERS + " accepted=" + accepted.get() + " notOwned="
                        + notOwned.get());
        assertThat(unexpected.get()).isNull();
        assertThat(accepted.get() + notOwned.get()).isEqualTo(rounds * (BLOCKS / FREERS) * FREERS);
        assertThat(GMalloc.stats().liveBlocks())
                .as("no block of a closed region stays live")
                .isEqualTo(liveBefore);
        assertNothingHandedOutTwice();
    }

    /** A fresh region and the thread's heap hand out distinct blocks that keep their contents. */
    private static void assertNothingHandedOutTwice() {
        try (Region region = Region.open()) {
            Set<Long> seen = new HashSet<>();
            List<Long> blocks = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                long block = switch (i % 3) {
                    case 0 -> VEC3.alloc(region);
                    case 1 -> region.gmalloc(8 + (i % 7) * 8);
                    default -> GMalloc.gmalloc(8 + (i % 7) * 8);
                };
                assertThat(seen.add(block)).as("0x%x handed out twice", block).isTrue();
                Patterns.write(block, block, 8);
                blocks.add(block);
            }
            for (long block : blocks) {
                assertThat(Patterns.firstCorrupt(block, block, 8))
                        .as("0x%x", block)
                        .isEqualTo(-1);
            }
            for (int i = 2; i < blocks.size(); i += 3) {
                GMalloc.gfree(blocks.get(i));
            }
        }
    }
}
