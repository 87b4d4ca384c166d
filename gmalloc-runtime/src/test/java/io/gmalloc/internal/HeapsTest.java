package io.gmalloc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gmalloc.GMalloc;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class HeapsTest {

    @Test
    void statsOnlyReadsADeadThreadsHeapStaysUntilTrimReapsIt() throws Exception {
        long[] block = new long[1];
        Thread thread = Thread.ofPlatform().start(() -> block[0] = GMalloc.gmalloc(40));
        thread.join();
        int heapsKnown = Heaps.all().size();
        GMalloc.stats();
        assertThat(Heaps.all()).as("stats() reaps nothing").hasSize(heapsKnown);
        assertThat(Heaps.all()).anyMatch(h -> h.thread == thread);
        GMalloc.trim();
        assertThat(Heaps.all()).as("trim() reaps the dead thread's heap").noneMatch(h -> h.thread == thread);
        GMalloc.gfree(block[0]); // a free into an orphan, or a slab a live heap adopted
    }

    @Test
    void aHeapAsksItsHostToReapBeforeItMapsANewSlabAndNeedsNoThread() {
        AtomicInteger reaps = new AtomicInteger();
        Heap.Host host = new Heap.Host() {
            @Override
            public void reapDead() {
                reaps.incrementAndGet();
            }

            @Override
            public void relieve() {}
        };
        ReentrantLock lock = new ReentrantLock();
        Heap heap = new Heap(null, lock, host); // owned by whoever holds the lock, like a stripe or a region
        Bucket bucket = Bucket.registerSpecial("internal.HeapsTest", 48, 8);
        lock.lock();
        try {
            long address = heap.alloc(bucket.index, 48);
            assertThat(reaps.get())
                    .as("no orphan to adopt: the host was asked, not Heaps")
                    .isEqualTo(1);
            Slab slab = SlabRegistry.lookup(address);
            assertThat(slab.owner).isSameAs(heap);
            assertThat(slab.ownerThread)
                    .as("no owner thread: frees go through the lock or remote")
                    .isNull();
            FreeRouter.free(address); // the lock is ours (reentrant): freed in place
            assertThat(slab.isLive(slab.blockIndex(address))).isFalse();
            heap.trim();
            Invariants.check(heap);
        } finally {
            lock.unlock();
        }
    }

    @Test
    void theCurrentSlabTableServesOnlyTheOwnerAndADeadThreadsRowIsClearedWhenItIsReaped() throws Exception {
        long[] block = new long[1];
        Slab[] seen = new Slab[1];
        Thread thread = Thread.ofPlatform().start(() -> {
            block[0] = GMalloc.gmalloc(40);
            seen[0] = CurrentSlabs.get(Thread.currentThread(), SizeClasses.bucket(40));
        });
        thread.join();
        Slab slab = SlabRegistry.lookup(block[0]);
        if (seen[0] != null) { // null when the thread shared its slot with a live thread: it had no row
            assertThat(seen[0]).as("the row holds the thread's current slab").isSameAs(slab);
            assertThat(seen[0].ownerThread).isSameAs(thread);
        }
        assertThat(CurrentSlabs.get(Thread.currentThread(), SizeClasses.bucket(40)))
                .as("another thread's entry never validates for this one")
                .matches(s -> s == null || s.ownerThread == Thread.currentThread());
        GMalloc.trim(); // reaps the dead thread: its row goes before its slabs
        assertThat(CurrentSlabs.get(thread, SizeClasses.bucket(40)))
                .as("the dead thread's row after the reap")
                .matches(s -> s == null || s.ownerThread != thread);
        GMalloc.gfree(block[0]);
    }
}
