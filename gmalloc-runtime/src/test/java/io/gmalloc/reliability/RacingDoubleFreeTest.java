package io.gmalloc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.gmalloc.GMalloc;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docs/design.md, racing double free: "exactly one free takes effect and the block is never handed out twice; the
 * other call throws DOUBLE_FREE in checked mode and is at least counted in default mode". This races the owner's
 * free of a block against another thread's free of the same block, many times. Before the fix, when both frees
 * were accepted the owner re-allocated the block and a drain of the remote free then freed the re-allocated, live
 * block: the next allocation handed it out a second time.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RacingDoubleFreeTest {
    private static volatile long target;
    private static final AtomicInteger PHASE = new AtomicInteger();
    private static volatile boolean stop;

    @Test
    void aDoubleFreeRacingTheOwnersFreeTakesEffectOnceAndNeverHandsTheBlockOutTwice() throws Exception {
        int iterations = 100_000;
        int[] remoteAccepted = new int[1];
        PHASE.set(0);
        stop = false;
        Thread remote = Thread.ofPlatform().daemon().start(() -> {
            for (int i = 0; i < iterations; i++) {
                while (PHASE.get() != 2 * i + 1) {
                    if (stop) {
                        return;
                    }
                    Thread.onSpinWait();
                }
                try {
                    remoteAccepted[0] = freeAccepted(target);
                } catch (Throwable t) {
                    remoteAccepted[0] = -1000; // fails the owner's check of this round
                }
                PHASE.set(2 * i + 2);
            }
        });
        long keep = GMalloc.gmalloc(16); // keeps the slab from being retired between iterations
        GMalloc.trim();
        long invalidBefore = GMalloc.stats().invalidFrees();
        int bothAccepted = 0;
        int oneAccepted = 0;
        try {
            for (int i = 0; i < iterations; i++) {
                long block = GMalloc.gmalloc(16);
                target = block;
                PHASE.set(2 * i + 1);
                int ownerAccepted = freeAccepted(block);
                while (PHASE.get() != 2 * i + 2) {
                    Thread.onSpinWait();
                }
                int accepted = ownerAccepted + remoteAccepted[0];
                assertThat(accepted)
                        .as("round %d: at least one free of 0x%x takes effect", i, block)
                        .isPositive();
                if (GMalloc.checkedMode()) {
                    assertThat(accepted)
                            .as("checked mode: the other free throws DOUBLE_FREE")
                            .isEqualTo(1);
                }
                bothAccepted += accepted == 2 ? 1 : 0;
                oneAccepted += accepted == 1 ? 1 : 0;
                if (i % 16 == 0 || accepted == 2) {
                    // Reuse everything freed since (remote drains included): no address twice.
                    Set<Long> handedOut = new HashSet<>();
                    long[] blocks = new long[4];
                    for (int k = 0; k < blocks.length; k++) {
                        blocks[k] = GMalloc.gmalloc(16);
                        GMalloc.trim();
                        assertThat(handedOut.add(blocks[k]))
                                .as("0x%x handed out twice", blocks[k])
                                .isTrue();
                    }
                    for (long b : blocks) {
                        GMalloc.gfree(b);
                    }
                }
            }
        } finally {
            stop = true; // a failed assertion leaves the remote thread waiting for the next round
            remote.join();
            GMalloc.gfree(keep);
        }
        GMalloc.trim(); // reconciles the last remote claims
        assertThat(GMalloc.stats().invalidFrees() - invalidBefore)
                .as("every round's second free is thrown or counted, exactly once")
                .isEqualTo(iterations);
        Sizing.report(
                "RacingDoubleFreeTest",
                "rounds=" + iterations + " oneAccepted=" + oneAccepted + " bothAcceptedThenReconciled=" + bothAccepted);
    }

    /** 1 if the free took effect, 0 if it threw DOUBLE_FREE (anything else fails the test). */
    private static int freeAccepted(long address) {
        try {
            GMalloc.gfree(address);
            return 1;
        } catch (InvalidFreeException e) {
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.DOUBLE_FREE);
            return 0;
        }
    }
}
