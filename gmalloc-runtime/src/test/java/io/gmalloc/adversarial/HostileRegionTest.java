package io.gmalloc.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gmalloc.GMalloc;
import io.gmalloc.GMallocStats;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import io.gmalloc.Region;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regions attacked with every size kind, mapped blocks included: blocks freed before the close by the owner and by
 * other threads, blocks live at the close, and every address afterwards handed to every entry point.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HostileRegionTest {
    private static final MemorySegment ALL = GMalloc.addressSpace();

    private static final long MIB = 1L << 20;

    private static Reason freeReason(Runnable call) {
        InvalidFreeException e = catchThrowableOfType(InvalidFreeException.class, call::run);
        assertThat(e).as("expected an InvalidFreeException").isNotNull();
        return e.reason();
    }

    @Test
    void blocksOfEverySizeKindAreRefusedAfterTheCloseWithoutACrash() throws Exception {
        GMallocStats before = GMalloc.stats();
        long[] sizes = {0, 1, 8, 511, 512, 513, 4096, 70_000, MIB, 8 * MIB + 1};
        List<Long> liveAtClose = new ArrayList<>();
        List<Long> freedBefore = new ArrayList<>();
        Region region = Region.open();
        for (long size : sizes) {
            for (int k = 0; k < 3; k++) {
                long p = region.gmalloc(size);
                long usable = GMalloc.usableSize(p);
                assertThat(usable).isGreaterThanOrEqualTo(Math.max(size, 1));
                assertThat(ALL.asSlice(p, usable).mismatch(MemorySegment.ofArray(new byte[(int) usable])))
                        .isEqualTo(-1);
                ALL.asSlice(p, usable).fill((byte) 0x44);
                switch (k) {
                    case 0 -> {
                        if (usable >= 16) {
                            assertThat(freeReason(() -> region.free(p + 8)))
                                    .as("region.free inside %d bytes", size)
                                    .isEqualTo(Reason.INTERIOR);
                        }
                        liveAtClose.add(p);
                    }
                    case 1 -> {
                        region.free(p);
                        assertThat(freeReason(() -> region.free(p)))
                                .as("region.free twice, %d bytes", size)
                                .isEqualTo(Reason.DOUBLE_FREE);
                        assertThat(freeReason(() -> GMalloc.gfree(p)))
                                .as("gfree after region.free, %d bytes", size)
                                .isEqualTo(Reason.DOUBLE_FREE);
                        freedBefore.add(p);
                    }
                    default -> {
                        AtomicReference<Throwable> failure = new AtomicReference<>();
                        Thread other = Thread.ofPlatform().start(() -> {
                            try {
                                GMalloc.gfree(p);
                            } catch (Throwable e) {
                                failure.set(e);
                            }
                        });
                        other.join();
                        assertThat(failure.get()).isNull();
                        assertThat(freeReason(() -> region.free(p)))
                                .as("region.free after remote gfree, %d bytes", size)
                                .isEqualTo(Reason.DOUBLE_FREE);
                        freedBefore.add(p);
                    }
                }
            }
        }
        assertThat(region.liveBlocks()).isEqualTo(sizes.length);
        region.close();
        region.close();
        for (long p : liveAtClose) {
            assertThat(freeReason(() -> GMalloc.gfree(p)))
                    .as("gfree of 0x%x live at the close", p)
                    .isEqualTo(Reason.NOT_OWNED);
            assertThat(catchThrowable(() -> GMalloc.usableSize(p))).isInstanceOf(IllegalArgumentException.class);
            assertThat(catchThrowable(() -> GMalloc.segment(p))).isInstanceOf(IllegalArgumentException.class);
            assertThat(catchThrowable(() -> GMalloc.grealloc(p, 64))).isInstanceOf(InvalidFreeException.class);
            assertThat(catchThrowable(() -> region.free(p))).isInstanceOf(IllegalStateException.class);
        }
        for (long p : freedBefore) {
            assertThat(freeReason(() -> GMalloc.gfree(p)))
                    .as("gfree of 0x%x freed before the close", p)
                    .isIn(Reason.NOT_OWNED, Reason.DOUBLE_FREE);
        }
        assertThat(catchThrowable(() -> region.gmalloc(8))).isInstanceOf(IllegalStateException.class);
        GMallocStats after = GMalloc.stats();
        assertThat(after.liveBlocks()).isEqualTo(before.liveBlocks());
        assertThat(after.liveBytes()).isEqualTo(before.liveBytes());
        assertThat(after.largeAllocations()).isEqualTo(before.largeAllocations());
    }
}
