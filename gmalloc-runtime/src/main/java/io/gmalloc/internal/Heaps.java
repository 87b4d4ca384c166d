package io.gmalloc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Which heap the current thread allocates from.
 *
 * <ul>
 *   <li><b>Platform threads</b> get a heap of their own, found through {@link #BY_THREAD}: a table indexed by the
 *       thread id and validated by thread identity. That costs ~0.5 ns where a {@code ThreadLocal} lookup costs
 *       ~6 ns per alloc+free pair (docs/design.md §6). A thread whose slot is taken by another live thread falls back to a
 *       {@code ThreadLocal}.
 *   <li><b>Dead threads</b> are noticed by {@link #reapDead()} (when a thread registers, when a heap needs a new
 *       slab, under memory pressure and on {@code trim()}; {@code stats()} only reads): their empty slabs go to the pool, the others become orphans
 *       that live heaps adopt. Blocks other threads free later go to the orphan's remote frees.
 *   <li><b>Virtual threads</b> never get a heap each: they share {@link Options#STRIPES} heaps, each guarded by a
 *       lock ({@code tryLock} round the stripes, then wait on the thread's home stripe).
 * </ul>
 *
 * <p>Concurrency: {@link #BY_THREAD} entries are written under {@link #LOCK} and read racily (a reader checks
 * {@code heap.thread == Thread.currentThread()}, which only its own registration can make true).
 */
public final class Heaps {
    private Heaps() {}

    private static final Heap[] BY_THREAD = new Heap[CurrentSlabs.SLOTS];

    private static final ThreadLocal<Heap> OVERFLOW = new ThreadLocal<>();
    private static final Object LOCK = new Object();

    /** Heaps of platform threads not yet reaped. Copy-on-write: registration and reaping are rare. */
    private static final List<Heap> PLATFORM = new CopyOnWriteArrayList<>();

    /**
     * The host of every heap made here: dead threads are reaped from {@link #PLATFORM}; under memory pressure the
     * pool gives its empty slabs back and the large blocks their quarantine.
     */
    static final Heap.Host HOST = new Heap.Host() {
        @Override
        public void reapDead() {
            Heaps.reapDead();
        }

        @Override
        public void relieve() {
            Heaps.reapDead();
            SlabPool.trim();
            LargeBlocks.releaseQuarantine();
        }
    };

    /** Virtual-thread stripes, created on first use under {@link #LOCK}. */
    private static final Heap[] STRIPES = new Heap[Options.STRIPES];

    /** The calling platform thread's heap if it has one in the table; null otherwise. The fast path. */
    public static Heap local() {
        Thread thread = Thread.currentThread();
        Heap heap = BY_THREAD[CurrentSlabs.slot(thread)];
        return heap != null && heap.thread == thread ? heap : null;
    }

    /** The calling platform thread's heap, created on first use; null for a virtual thread. */
    public static Heap localOrRegister() {
        Heap heap = local();
        if (heap != null) {
            return heap;
        }
        Thread thread = Thread.currentThread();
        if (thread.isVirtual()) {
            return null;
        }
        heap = OVERFLOW.get();
        return heap != null ? heap : register(thread);
    }

    /** The calling thread's own heap if it has one, without creating it; null otherwise. */
    static Heap localIfAny() {
        Heap heap = local();
        return heap != null || Thread.currentThread().isVirtual() ? heap : OVERFLOW.get();
    }

    private static Heap register(Thread thread) {
        synchronized (LOCK) {
            reapDeadLocked();
            Heap heap = new Heap(thread, null, HOST);
            PLATFORM.add(heap);
            int slot = CurrentSlabs.slot(thread);
            if (BY_THREAD[slot] == null) {
                heap.tableSlot = slot; // before publication: its row of CurrentSlabs is this heap's from now on
                BY_THREAD[slot] = heap;
            } else {
                OVERFLOW.set(heap);
            }
            return heap;
        }
    }

    /**
     * Locks a virtual-thread stripe for the caller: the first free one starting at the thread's home stripe, or
     * the home stripe once it is free. The caller unlocks {@code heap.lock}.
     */
    public static Heap lockStripe() {
        int home = (int) (Thread.currentThread().threadId() % STRIPES.length);
        for (int i = 0; i < STRIPES.length; i++) {
            Heap stripe = stripe((home + i) % STRIPES.length);
            if (stripe.lock.tryLock()) {
                return stripe;
            }
        }
        Heap stripe = stripe(home);
        stripe.lock.lock();
        return stripe;
    }

    private static Heap stripe(int index) {
        Heap stripe = STRIPES[index];
        if (stripe == null) {
            synchronized (LOCK) {
                stripe = STRIPES[index];
                if (stripe == null) {
                    stripe = new Heap(null, new ReentrantLock(), HOST);
                    STRIPES[index] = stripe;
                }
            }
        }
        return stripe;
    }

    /** Hands the heaps of threads that have ended to the pool. Any thread. */
    public static void reapDead() {
        for (Heap heap : PLATFORM) {
            if (!heap.thread.isAlive()) {
                synchronized (LOCK) {
                    reapDeadLocked();
                }
                return;
            }
        }
    }

    private static void reapDeadLocked() {
        for (Heap heap : PLATFORM) {
            // Thread termination happens-before isAlive() returning false: the dead owner's plain writes are
            // visible here, and nobody else uses the heap any more.
            if (!heap.thread.isAlive()) {
                PLATFORM.remove(heap);
                int slot = CurrentSlabs.slot(heap.thread);
                if (BY_THREAD[slot] == heap) {
                    BY_THREAD[slot] = null;
                }
                SlabPool.abandon(heap);
            }
        }
    }

    /** Heaps in use: platform heaps whose thread is alive, then the stripes created so far. Changes nothing. */
    static int inUse() {
        int count = 0;
        for (Heap heap : PLATFORM) {
            count += heap.thread.isAlive() ? 1 : 0;
        }
        for (Heap stripe : STRIPES) {
            count += stripe != null ? 1 : 0;
        }
        return count;
    }

    /** Every heap: platform heaps not yet reaped (dead ones too), then the stripes created so far. */
    static List<Heap> all() {
        List<Heap> heaps = new ArrayList<>(PLATFORM);
        for (Heap stripe : STRIPES) {
            if (stripe != null) {
                heaps.add(stripe);
            }
        }
        return heaps;
    }

    /** Trims the caller's own heap and every stripe that is free right now. */
    static void trimReachable() {
        Heap own = localIfAny();
        if (own != null) {
            own.trim();
        }
        for (Heap stripe : STRIPES) {
            if (stripe != null && stripe.lock.tryLock()) {
                try {
                    stripe.trim();
                } finally {
                    stripe.lock.unlock();
                }
            }
        }
    }
}
