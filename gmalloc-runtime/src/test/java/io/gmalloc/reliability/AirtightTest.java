package io.gmalloc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gmalloc.GMalloc;
import io.gmalloc.GMallocStats;
import io.gmalloc.InvalidAccessException;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import io.gmalloc.SpecialBucket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classes of bad input a hostile user tries, each reproduced with the public API (the out-of-memory ones are in
 * {@link OutOfMemoryRecoveryTest}, which needs a cap of its own).
 */
class AirtightTest {

    @ParameterizedTest
    @ValueSource(longs = {513, 4096, 100_000, 1L << 20, (8L << 20) + 16, 24L << 20, 64L << 20})
    void aSequentialDoubleFreeOfALargeBlockOfAnySizeIsDoubleFree(long size) {
        long address = GMalloc.gmalloc(size);
        GMalloc.gfree(address);
        InvalidFreeException e = catchThrowableOfType(InvalidFreeException.class, () -> GMalloc.gfree(address));
        assertThat(e).as("second gfree of a %d-byte block", size).isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.DOUBLE_FREE);
    }

    @Test
    void aBlockBoundaryPastTheHighWaterMarkWasNeverHandedOutSoItIsNotOwned() {
        SpecialBucket bucket = new SpecialBucket("airtight.HighWater", 24, 8);
        long first = bucket.alloc(); // a fresh slab: only block 0 handed out
        long neverHandedOut = first + 24 * 100;
        GMallocStats before = GMalloc.stats();
        InvalidFreeException e = catchThrowableOfType(InvalidFreeException.class, () -> GMalloc.gfree(neverHandedOut));
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.NOT_OWNED);
        assertThat(catchThrowableOfType(InvalidFreeException.class, () -> bucket.free(neverHandedOut))
                        .reason())
                .isEqualTo(Reason.NOT_OWNED);
        assertThat(GMalloc.stats().liveBlocks()).isEqualTo(before.liveBlocks());
        bucket.free(first);
        assertThat(catchThrowableOfType(InvalidFreeException.class, () -> bucket.free(first))
                        .reason())
                .as("handed out once, freed twice")
                .isEqualTo(Reason.DOUBLE_FREE);
    }

    @ParameterizedTest
    @ValueSource(longs = {16, 32, 64, 128, 256, 512})
    void allocatingNearLongMaxValueFailsCleanlyForEveryAlignment(long alignment) {
        for (long size : new long[] {
            Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE - alignment + 1, Long.MAX_VALUE - 4096, 1L << 62
        }) {
            GMallocStats before = GMalloc.stats();
            Throwable thrown = catchThrowable(() -> GMalloc.allocator().allocate(size, alignment));
            assertThat(thrown)
                    .as("allocate(%d, %d)", size, alignment)
                    .isInstanceOfAny(OutOfMemoryError.class, IllegalArgumentException.class);
            assertThat(thrown.getMessage()).contains(Long.toString(size));
            GMallocStats after = GMalloc.stats();
            assertThat(after.liveBlocks()).as("no block leaked").isEqualTo(before.liveBlocks());
            assertThat(after.reservedBytes()).as("nothing reserved").isLessThanOrEqualTo(before.reservedBytes());
        }
    }

    /**
     * A thread frees another thread's blocks twice in a row while the owner keeps draining its remote frees
     * ({@code trim()}): the second free must always be DOUBLE_FREE, and {@code usableSize} right after a free must
     * always refuse. Before the fix a drain between the check's two reads let a few per thousand through.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aSequentialRemoteDoubleFreeIsCaughtWhileTheOwnerDrains() throws Exception {
        int rounds = Sizing.pick(40, 400);
        int perRound = 2_000;
        long[] blocks = new long[perRound];
        AtomicLong accepted = new AtomicLong();
        AtomicLong stillLive = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] keep = new long[4]; // one live block per bucket: trim() must not give the slabs back
        for (int k = 0; k < keep.length; k++) {
            keep[k] = GMalloc.gmalloc(8 + k * 8);
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < perRound; i++) {
                blocks[i] = GMalloc.gmalloc(8 + (i % 4) * 8);
            }
            Thread freer = Thread.ofPlatform().start(() -> {
                try {
                    for (long b : blocks) {
                        GMalloc.gfree(b);
                        if (catchThrowable(() -> GMalloc.usableSize(b)) == null) {
                            stillLive.incrementAndGet();
                        }
                        InvalidFreeException e =
                                catchThrowableOfType(InvalidFreeException.class, () -> GMalloc.gfree(b));
                        if (e == null) {
                            accepted.incrementAndGet();
                        } else if (e.reason() != Reason.DOUBLE_FREE) {
                            failure.compareAndSet(null, e);
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            });
            // The blocks are the main thread's: it drains too, by trimming, while the freer frees.
            while (freer.isAlive()) {
                GMalloc.trim();
            }
            freer.join();
        }
        for (long k : keep) {
            GMalloc.gfree(k);
        }
        assertThat(failure.get()).isNull();
        assertThat(accepted.get()).as("second remote frees accepted").isZero();
        assertThat(stillLive.get())
                .as("usableSize answering right after a free")
                .isZero();
    }

    @Test
    void checkedAccessPastTheEndOfALiveBlockSaysOutOfBounds() {
        SpecialBucket arrays = new SpecialBucket("airtight.Array120", 120, 8); // e.g. allocArray(10) of 12 bytes
        long block = arrays.alloc(); // a fresh slab: the next block was never handed out
        long neighbour = block + 120;
        InvalidAccessException e =
                catchThrowableOfType(InvalidAccessException.class, () -> GMalloc.checkAccess(neighbour, 12));
        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .contains("out of bounds")
                .doesNotContain("freed block")
                .contains(Long.toHexString(block));
        assertThat(catchThrowableOfType(InvalidAccessException.class, () -> GMalloc.checkAccess(block + 112, 12))
                        .getMessage())
                .contains("out of bounds");
        long large = GMalloc.gmalloc(10_000);
        assertThat(catchThrowableOfType(InvalidAccessException.class, () -> GMalloc.checkAccess(large + 10_000, 8))
                        .getMessage())
                .contains("out of bounds");
        GMalloc.gfree(large);
        arrays.free(block);
        assertThat(catchThrowableOfType(InvalidAccessException.class, () -> GMalloc.checkAccess(block, 8))
                        .getMessage())
                .contains("freed");
    }
}
