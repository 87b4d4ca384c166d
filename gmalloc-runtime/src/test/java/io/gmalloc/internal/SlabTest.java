package io.gmalloc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlabTest {
    private final PrivateHeap heap = new PrivateHeap("internal.SlabTest", 24);

    @AfterEach
    void close() {
        heap.close();
    }

    @Test
    void aLocalFreeGoesToTheLocalBitmapUntilTheSlowPathReclaimsIt() {
        long a = heap.alloc();
        long b = heap.alloc();
        Slab slab = heap.slabOf(a);
        int index = slab.blockIndex(a);
        heap.free(a);
        assertThat(slab.isLive(index)).isFalse();
        assertThat(slab.localFrees[0] & 1L << index).as("in L").isNotZero();
        assertThat(slab.freeBits[0] & 1L << index).as("not yet allocatable").isZero();
        assertThat(slab.reclaim()).isTrue();
        assertThat(slab.localFrees[0]).isZero();
        assertThat(slab.freeBits[0] & 1L << index).as("reclaimed into F").isNotZero();
        assertThat(slab.isLive(slab.blockIndex(b))).isTrue();
        heap.assertConsistent();
    }

    @Test
    void addressesOutsideTheSlabAreNoBlockOfIt() {
        long a = heap.alloc();
        Slab slab = heap.slabOf(a);
        for (long outside : new long[] {
            slab.base - 24,
            slab.base - 1,
            slab.base + slab.bytes,
            slab.base + slab.bytes + 24,
            slab.base - (1L << 40),
            slab.base + (1L << 40),
            Long.MIN_VALUE,
            Long.MIN_VALUE + slab.base,
            -1,
            0
        }) {
            assertThat(slab.blockIndex(outside)).as("blockIndex 0x%x", outside).isEqualTo(-1);
            assertThat(slab.containingBlock(outside))
                    .as("containingBlock 0x%x", outside)
                    .isEqualTo(-1);
            assertThat(slab.notABlockStart(outside)).as("reason 0x%x", outside).isEqualTo(Reason.NOT_OWNED);
        }
        assertThat(slab.containingBlock(a + 8)).isEqualTo(slab.blockIndex(a));
        heap.free(a);
    }

    @Test
    void rejectsInteriorPointersDoubleFreesAndBlocksNeverHandedOut() {
        long a = heap.alloc();
        Slab slab = heap.slabOf(a);
        assertThat(reason(() -> heap.free(a + 8))).isEqualTo(Reason.INTERIOR);
        assertThat(reason(() -> heap.free(a + 24 * 50)))
                .as("past the high-water mark")
                .isEqualTo(Reason.NOT_OWNED);
        heap.free(a);
        assertThat(reason(() -> FreeRouter.free(a))).isEqualTo(Reason.DOUBLE_FREE);
        slab.reclaim();
        assertThat(reason(() -> FreeRouter.free(a))).as("after the reclaim too").isEqualTo(Reason.DOUBLE_FREE);
        heap.assertConsistent();
    }

    @Test
    void aRemoteFreeIsClaimedOnceAndTakenBackByTheOwner() throws Exception {
        long a = heap.alloc();
        heap.alloc(); // keeps the slab from being empty
        Slab slab = heap.slabOf(a);
        AtomicReference<Reason> second = new AtomicReference<>();
        Thread remote = Thread.ofPlatform().start(() -> {
            FreeRouter.free(a);
            second.set(reason(() -> FreeRouter.free(a)));
        });
        remote.join();
        heap.live.remove(a);
        assertThat(second.get()).isEqualTo(Reason.DOUBLE_FREE);
        assertThat(slab.remotePending()).isEqualTo(1);
        assertThat(slab.isLive(slab.blockIndex(a))).isFalse();
        assertThat(reason(() -> FreeRouter.free(a)))
                .as("the owner's free of it")
                .isEqualTo(Reason.DOUBLE_FREE);
        int usedBefore = slab.used();
        assertThat(slab.reclaim()).isTrue();
        assertThat(slab.used()).isEqualTo(usedBefore - 1);
        assertThat(slab.remotePending()).isZero();
        assertThat(reason(() -> FreeRouter.free(a))).isEqualTo(Reason.DOUBLE_FREE);
        heap.assertConsistent();
    }

    @Test
    void freedBlocksComeBackBeforeFreshOnesOnceTheCursorWordRunsOut() {
        long[] first = new long[64];
        for (int i = 0; i < first.length; i++) {
            first[i] = heap.alloc();
        }
        Slab slab = heap.slabOf(first[0]);
        for (long b : first) {
            heap.free(b);
        }
        java.util.Set<Long> again = new java.util.HashSet<>();
        for (int i = 0; i < first.length; i++) {
            again.add(heap.alloc());
        }
        java.util.Set<Long> firstSet = new java.util.HashSet<>();
        for (long b : first) {
            firstSet.add(b);
        }
        assertThat(again)
                .as("the 64 freed blocks are reused, not 64 fresh ones")
                .isEqualTo(firstSet);
        assertThat(slab.fresh).as("high-water mark unchanged by the reuse").isLessThanOrEqualTo(64 + 1);
        heap.assertConsistent();
    }

    @Test
    void reusedBlocksAreZeroedAndComeFromTheReclaimedFrees() {
        long a = heap.alloc();
        io.gmalloc.GMalloc.addressSpace().set(java.lang.foreign.ValueLayout.JAVA_LONG, a, -1L);
        heap.free(a);
        Slab slab = heap.slabOf(a);
        // Use up F so the next allocation must reclaim: the freed block comes back, zeroed.
        long next;
        do {
            next = heap.alloc();
        } while (next != a && heap.slabOf(next) == slab);
        assertThat(next).as("the freed block comes back once F is used up").isEqualTo(a);
        assertThat(io.gmalloc.GMalloc.addressSpace().get(java.lang.foreign.ValueLayout.JAVA_LONG, a))
                .isZero();
        heap.assertConsistent();
    }

    @Test
    void theCurrentSlabTakesFastFreesUntilARemoteFreeAndAFreeAfterARemoteOneIsADoubleFree() throws Exception {
        long a = heap.alloc();
        long b = heap.alloc();
        heap.alloc(); // keeps the slab from being empty
        Slab slab = heap.slabOf(a);
        assertThat(slab.fastOwner)
                .as("current slab, no remote free: fast frees in default mode, never in checked mode")
                .isSameAs(Options.CHECKED ? null : Thread.currentThread());
        heap.free(a);
        assertThat(reason(() -> FreeRouter.free(a)))
                .as("a fast free's double free")
                .isEqualTo(Reason.DOUBLE_FREE);
        Thread remote = Thread.ofPlatform().start(() -> FreeRouter.free(b));
        remote.join();
        heap.live.remove(b);
        assertThat(slab.fastOwner).as("after a remote free").isNull();
        assertThat(reason(() -> FreeRouter.free(b)))
                .as("the owner's free of a block freed remotely")
                .isEqualTo(Reason.DOUBLE_FREE);
        heap.assertConsistent();
    }

    private static Reason reason(Runnable free) {
        InvalidFreeException e = catchThrowableOfType(InvalidFreeException.class, free::run);
        assertThat(e).as("an InvalidFreeException").isNotNull();
        return e.reason();
    }
}
