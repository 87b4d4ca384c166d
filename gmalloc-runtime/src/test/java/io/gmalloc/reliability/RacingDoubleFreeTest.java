package io.gmalloc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.gmalloc.GMalloc;
import io.gmalloc.InvalidFreeException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docs/design.md §2: "gfree twice → DOUBLE_FREE in the freeing thread; the block is never handed out twice". This races
 * the owner's free of a block against another thread's free of the same block, many times. When both frees are
 * accepted (the owner's plain check-then-set of its free bit and the remote claim miss each other), the owner
 * re-allocates the block, and a drain of the remote frees ({@code trim()} here, any slow path in general) then
 * frees the re-allocated, live block: the next allocation hands it out a second time.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RacingDoubleFreeTest {
    private static volatile long target;
    private static final AtomicInteger PHASE = new AtomicInteger();
    private static volatile boolean stop;

    @Test
    @Disabled("known limitation, see docs/reliability.md: a double free racing the owner's own free can go"
            + " unreported and later free a live block; fixing it needs a fence on the owner's free path")
    void aDoubleFreeRacingTheOwnersFreeNeverHandsTheBlockOutTwice() throws Exception {
        int iterations = 200_000;
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
                boolean accepted = true;
                try {
                    GMalloc.gfree(target);
                } catch (InvalidFreeException e) {
                    accepted = false;
                }
                remoteAccepted[0] = accepted ? 1 : 0;
                PHASE.set(2 * i + 2);
            }
        });
        long keep = GMalloc.gmalloc(16); // keeps the slab from being retired between iterations
        int bothAccepted = 0;
        try {
            for (int i = 0; i < iterations; i++) {
                long block = GMalloc.gmalloc(16);
                target = block;
                PHASE.set(2 * i + 1);
                boolean accepted = true;
                try {
                    GMalloc.gfree(block);
                } catch (InvalidFreeException e) {
                    accepted = false;
                }
                while (PHASE.get() != 2 * i + 2) {
                    Thread.onSpinWait();
                }
                if (accepted && remoteAccepted[0] == 1) {
                    bothAccepted++;
                    long again = GMalloc.gmalloc(16);
                    GMalloc.trim(); // drains the remote claim of the block freed twice
                    long next = GMalloc.gmalloc(16);
                    assertThat(next).as("live block 0x%x handed out a second time", again).isNotEqualTo(again);
                    GMalloc.gfree(next);
                    GMalloc.gfree(again);
                }
            }
        } finally {
            stop = true; // a failed assertion leaves the remote thread waiting for the next round
            remote.join();
            GMalloc.gfree(keep);
        }
        Sizing.report("RacingDoubleFreeTest", "racing double frees accepted twice: " + bothAccepted);
    }
}
