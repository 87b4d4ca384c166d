package io.gmalloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gmalloc.InvalidFreeException.Reason;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** One test (at least) per row of the Region table in docs/design.md §2a. */
class RegionTest {
    private static final SpecialBucket VEC3 = new SpecialBucket("region.Vec3", 12, 4);

    private static final ExecutorService OTHER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("region-other").factory());

    @AfterAll
    static void stopOther() {
        OTHER.shutdown();
    }

    /** Runs {@code task} on another platform thread and returns what it threw (null if nothing). */
    private static Throwable onOtherThread(Runnable task) throws InterruptedException {
        try {
            CompletableFuture.runAsync(task, OTHER).get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static Reason reasonOf(Runnable free) {
        InvalidFreeException e = catchThrowableOfType(InvalidFreeException.class, free::run);
        assertThat(e).as("an InvalidFreeException").isNotNull();
        return e.reason();
    }

    @Test
    void blocksOfEverySizeAreZeroedAlignedAndTheRegions() {
        try (Region region = Region.open()) {
            List<Long> blocks = new ArrayList<>();
            for (long size = 0; size <= 600; size++) {
                long address = region.gmalloc(size);
                long usable = GMalloc.usableSize(address);
                assertThat(usable).as("usable size of %d", size).isGreaterThanOrEqualTo(Math.max(size, 1));
                assertThat(address % (size > 512 ? 16 : 8))
                        .as("alignment of %d", size)
                        .isZero();
                assertThat(Blocks.firstNonZero(address, usable))
                        .as("zeroed, size %d", size)
                        .isEqualTo(-1);
                Blocks.fill(address, usable);
                blocks.add(address);
            }
            assertThat(new HashSet<>(blocks)).hasSize(blocks.size());
            assertThat(region.liveBlocks()).isEqualTo(601);
            for (long address : blocks) {
                assertThat(Blocks.firstCorrupt(address, GMalloc.usableSize(address)))
                        .isEqualTo(-1);
            }
            long array = region.gcalloc(10, 30);
            assertThat(GMalloc.usableSize(array)).isGreaterThanOrEqualTo(300);
            assertThat(region.liveBlocks()).isEqualTo(602);
            assertThat(region.reservedBytes()).isGreaterThan(600L * 300);
        }
    }

    @Test
    void badSizesAreRefusedAsByGmalloc() {
        try (Region region = Region.open()) {
            assertThatThrownBy(() -> region.gmalloc(-1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
            assertThatThrownBy(() -> region.gcalloc(Long.MAX_VALUE, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("overflows");
            assertThatThrownBy(() -> region.gcalloc(-3, 2)).isInstanceOf(IllegalArgumentException.class);
            assertThat(region.liveBlocks()).isZero();
        }
    }

    @Test
    void freedBlocksAreReusedAndZeroedAgain() {
        try (Region region = Region.open()) {
            long first = region.gmalloc(40);
            Blocks.fill(first, 40);
            region.free(first);
            long again = 0;
            int allocated = 0;
            while (again != first && allocated < 200_000) { // frees are taken back on the slow path
                again = region.gmalloc(40);
                allocated++;
            }
            assertThat(again).as("the freed block is handed out again").isEqualTo(first);
            assertThat(Blocks.firstNonZero(again, 40)).isEqualTo(-1);
            assertThat(region.liveBlocks()).isEqualTo(allocated);
        }
    }

    @Test
    void anotherThreadIsRefusedEverythingAndNothingChanges() throws Exception {
        Region region = Region.open();
        long block = region.gmalloc(16);
        Blocks.fill(block, 16);
        long reserved = region.reservedBytes();
        List<Consumer<Region>> uses = List.of(
                r -> r.gmalloc(8),
                r -> r.gmalloc(1000),
                r -> r.gcalloc(2, 8),
                r -> r.free(block),
                r -> r.free(0),
                r -> r.liveBlocks(),
                r -> r.reservedBytes(),
                r -> VEC3.alloc(r),
                Region::close);
        for (Consumer<Region> use : uses) {
            assertThat(onOtherThread(() -> use.accept(region))).isInstanceOf(WrongThreadException.class);
        }
        assertThat(region.liveBlocks()).isEqualTo(1);
        assertThat(region.reservedBytes()).isEqualTo(reserved);
        assertThat(Blocks.firstCorrupt(block, 16)).isEqualTo(-1);
        region.close();
        assertThat(onOtherThread(region::close))
                .as("close from another thread, even when closed")
                .isInstanceOf(WrongThreadException.class);
    }

    @Test
    void gfreeFreesRegionBlocksFromTheOwnerAndFromOtherThreads() throws Exception {
        GMalloc.trim();
        try (Region region = Region.open()) {
            long small = region.gmalloc(24);
            long special = VEC3.alloc(region);
            long large = region.gmalloc(5000);
            long ownSmall = region.gmalloc(24);
            long ownLarge = region.gmalloc(700);
            assertThat(region.liveBlocks()).isEqualTo(5);

            assertThat(onOtherThread(() -> {
                        GMalloc.gfree(small);
                        VEC3.free(special);
                        GMalloc.gfree(large);
                    }))
                    .isNull();
            assertThat(region.liveBlocks()).isEqualTo(2);
            GMalloc.gfree(ownSmall);
            GMalloc.gfree(ownLarge);
            assertThat(region.liveBlocks()).isZero();

            for (long freed : new long[] {small, special, large, ownSmall, ownLarge}) {
                assertThat(reasonOf(() -> GMalloc.gfree(freed))).isEqualTo(Reason.DOUBLE_FREE);
            }
            // Remote frees are taken back: the region hands the same memory out again. An empty pool makes the
            // slabs 64 KiB, 256 KiB, 1 MiB (57 342 blocks in all), so the second round runs past them and drains.
            Set<Long> first = new HashSet<>();
            for (int i = 0; i < 20_000; i++) {
                first.add(region.gmalloc(24));
            }
            assertThat(onOtherThread(() -> first.forEach(GMalloc::gfree))).isNull();
            assertThat(region.liveBlocks()).isZero();
            int reused = 0;
            for (int i = 0; i < 60_000; i++) { // past the current slab's end: the slow path drains
                reused += first.contains(region.gmalloc(24)) ? 1 : 0;
            }
            assertThat(region.liveBlocks()).isEqualTo(60_000);
            assertThat(reused)
                    .as("blocks freed by another thread handed out again")
                    .isPositive();
        }
    }

    @Test
    void regionFreeRefusesBlocksThatAreNotTheRegions() throws Exception {
        try (Region region = Region.open();
                Region other = Region.open();
                Arena arena = Arena.ofConfined()) {
            long mine = region.gmalloc(16);
            long general = GMalloc.gmalloc(16);
            long generalLarge = GMalloc.gmalloc(2000);
            long special = VEC3.alloc();
            long othersSmall = other.gmalloc(16);
            long othersLarge = other.gmalloc(3000);
            long freedGeneral = GMalloc.gmalloc(16);
            GMalloc.gfree(freedGeneral);

            for (long live : new long[] {general, generalLarge, special, othersSmall, othersLarge}) {
                assertThat(reasonOf(() -> region.free(live))).isEqualTo(Reason.WRONG_BUCKET);
            }
            long arenaBlock = arena.allocate(64).address();
            for (long notLive : new long[] {freedGeneral, arenaBlock, 0x1234_5678_9AB0L, -8}) {
                assertThat(reasonOf(() -> region.free(notLive))).isEqualTo(Reason.NOT_OWNED);
            }
            assertThat(reasonOf(() -> region.free(mine + 8))).isEqualTo(Reason.INTERIOR);
            region.free(0);
            assertThat(region.liveBlocks()).isEqualTo(1);
            region.free(mine);
            assertThat(reasonOf(() -> region.free(mine))).isEqualTo(Reason.DOUBLE_FREE);
            // Nothing changed for the blocks refused: they are still live and free normally.
            assertThat(other.liveBlocks()).isEqualTo(2);
            for (long live : new long[] {general, generalLarge, special, othersSmall, othersLarge}) {
                GMalloc.gfree(live);
            }
            assertThat(other.liveBlocks()).isZero();
        }
    }

    @Test
    void closeFreesEveryLiveBlockAndGivesTheMemoryBack() {
        GMalloc.trim();
        GMallocStats before = GMalloc.stats();
        Region region = Region.open();
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            blocks.add(region.gmalloc(8 + (i % 64) * 8));
            blocks.add(VEC3.alloc(region));
        }
        for (int i = 0; i < 20; i++) {
            blocks.add(region.gmalloc(1000 + i));
        }
        GMallocStats open = GMalloc.stats();
        assertThat(open.liveBlocks() - before.liveBlocks()).isEqualTo(100_020);
        assertThat(open.heaps()).as("an open region counts as a heap").isEqualTo(before.heaps() + 1);
        assertThat(open.reservedBytes() - before.reservedBytes()).isGreaterThanOrEqualTo(region.reservedBytes());
        region.close();
        GMallocStats closed = GMalloc.stats();
        assertThat(closed.liveBlocks()).isEqualTo(before.liveBlocks());
        assertThat(closed.largeAllocations()).isEqualTo(before.largeAllocations());
        assertThat(closed.heaps()).isEqualTo(before.heaps());
        GMalloc.trim();
        assertThat(GMalloc.stats().reservedBytes()).isLessThanOrEqualTo(before.reservedBytes());
    }

    @Test
    void everyUseAfterCloseIsIllegalStateAndCloseTwiceDoesNothing() {
        Region region = Region.open();
        long block = region.gmalloc(8);
        region.close();
        region.close();
        List<Consumer<Region>> uses = List.of(
                r -> r.gmalloc(8),
                r -> r.gmalloc(1000),
                r -> r.gcalloc(2, 8),
                r -> r.free(block),
                r -> r.free(0),
                r -> r.liveBlocks(),
                r -> r.reservedBytes(),
                r -> VEC3.alloc(r));
        for (Consumer<Region> use : uses) {
            assertThatThrownBy(() -> use.accept(region))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void gfreeOfAClosedRegionsBlockIsNotOwned() throws Exception {
        Region region = Region.open();
        long small = region.gmalloc(32);
        long special = VEC3.alloc(region);
        long large = region.gmalloc(4096);
        long freedBeforeClose = region.gmalloc(32);
        region.free(freedBeforeClose);
        region.close();
        for (long old : new long[] {small, special, large, freedBeforeClose}) {
            assertThat(reasonOf(() -> GMalloc.gfree(old))).as("0x%x", old).isEqualTo(Reason.NOT_OWNED);
            assertThatThrownBy(() -> GMalloc.usableSize(old))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a gmalloc block");
        }
        assertThat(onOtherThread(
                        () -> assertThat(reasonOf(() -> GMalloc.gfree(small))).isEqualTo(Reason.NOT_OWNED)))
                .isNull();
    }

    @Test
    void anAddressReusedAfterCloseIsTheNewOwnersBlock() {
        GMalloc.trim(); // empties the pool: the first region's arena is the only one the second can get
        Region first = Region.open();
        long old = first.gmalloc(48);
        first.close();
        try (Region second = Region.open()) {
            Set<Long> blocks = new HashSet<>();
            long reused = 0;
            for (int i = 0; i < 100_000 && reused == 0; i++) {
                long block = second.gmalloc(48);
                blocks.add(block);
                if (block == old) {
                    reused = block;
                }
            }
            assertThat(reused)
                    .as("the pooled arena is handed to the next region")
                    .isEqualTo(old);
            long live = second.liveBlocks();
            GMalloc.gfree(old); // the caller's bug in real code, but never a crash: it frees the new block
            assertThat(second.liveBlocks()).isEqualTo(live - 1);
            assertThat(reasonOf(() -> GMalloc.gfree(old))).isEqualTo(Reason.DOUBLE_FREE);
        }
    }

    @Test
    void specialBlocksInARegionLieOneStrideApartInArenasOfTheRegion() {
        try (Region region = Region.open()) {
            long previous = VEC3.alloc(region);
            int jumps = 0;
            for (int i = 0; i < 1000; i++) {
                long next = VEC3.alloc(region);
                jumps += next - previous == 12 ? 0 : 1;
                assertThat(next % 4).isZero();
                assertThat(GMalloc.usableSize(next)).isEqualTo(12);
                previous = next;
            }
            assertThat(jumps).isLessThanOrEqualTo(1);
            assertThat(region.liveBlocks()).isEqualTo(1001);
            long outside = VEC3.alloc();
            assertThat(reasonOf(() -> region.free(outside))).isEqualTo(Reason.WRONG_BUCKET);
            VEC3.free(outside);
            VEC3.free(previous);
            assertThat(region.liveBlocks()).isEqualTo(1000);
        }
    }

    @Test
    void regionsWorkOnVirtualThreads() throws Exception {
        long[] live = {-1};
        Thread thread = Thread.ofVirtual().start(() -> {
            try (Region region = Region.open()) {
                long a = region.gmalloc(8);
                long b = region.gmalloc(800);
                GMalloc.gfree(a);
                region.free(b);
                region.gmalloc(8);
                live[0] = region.liveBlocks();
            }
        });
        thread.join();
        assertThat(live[0]).isEqualTo(1);
    }
}
