package io.gmalloc.internal;

import io.gmalloc.InvalidFreeException.Reason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The memory of one {@code io.gmalloc.Region}: a {@link Heap} of its own (an Arenarray per bucket, like a thread's
 * heap), the large blocks it owns, and what lets {@link #close} give everything back at once.
 *
 * <p>Layout of ownership: the region's slabs are ordinary slabs whose {@link Slab#home} is an Arenarray of
 * {@link #heap}, and whose owner thread is the opener; so the opener's {@code gfree} of a region block takes the
 * same local fast path as for its own heap, and other threads' frees go to the slab's {@link RemoteFrees}, which
 * the region drains on its slow path. The heap is never registered in {@link Heaps}: it is not reaped, never
 * adopts orphans (closing would free their live blocks) and is not trimmed; it lives until {@link #close}. Large
 * blocks (above 512 bytes) are the C library's as usual and recorded in {@link #LARGE_OWNERS} and {@link #large}.
 *
 * <p>Closing: {@link #closed} is set, then the closer waits for remote frees already past their check
 * ({@link #remoteFrees}), then every slab is unregistered and given to the pool in one pass ({@link
 * SlabPool#retireClosed}) and every large block still owned goes back to the C library. The cost grows with the
 * region's slabs and large blocks, not with its small blocks. A free of an old address after that finds no slab
 * ({@code NOT_OWNED}), or the slab of whoever uses the memory now (and frees that owner's block, as a free of a
 * reused address always would).
 *
 * <p>Concurrency: everything except {@link #closed}, {@link #remoteFrees} and the large-block maps belongs to the
 * opener (plain). A remote free and {@link #close} form a Dekker pair: the freer increments {@link #remoteFrees}
 * then reads {@link #closed}; the closer writes {@link #closed} then waits for {@link #remoteFrees} to be 0 (both
 * volatile), so either the free sees the region closed and touches nothing, or the close waits until the free has
 * finished with the slab (checked mode writes poison into the block: the memory must still be the region's).
 * Large blocks: removal from {@link #LARGE_OWNERS} decides who frees one, a remote {@code gfree} or the close, so
 * a block is never given back twice.
 */
public final class RegionHeap implements Heap.Host {
    private static final VarHandle REMOTE_FREES;

    static {
        try {
            REMOTE_FREES = MethodHandles.lookup().findVarHandle(RegionHeap.class, "remoteFrees", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Regions open now, for {@code stats()}. Added by open, removed by close. */
    private static final Set<RegionHeap> OPEN = ConcurrentHashMap.newKeySet();

    /** Live large blocks of open regions: address → region. Any thread; removing an entry claims the block. */
    private static final ConcurrentHashMap<Long, RegionHeap> LARGE_OWNERS = new ConcurrentHashMap<>();

    /** The region's slabs, one Arenarray per bucket. Owner only (stats read its snapshots). */
    public final Heap heap;

    /** The opening thread: the only one that may allocate here, free through the region, or close it. */
    public final Thread owner;

    /** Set once by {@link #close}; read by remote frees. */
    private volatile boolean closed;

    /** Remote frees of this region's small blocks between their check of {@link #closed} and their end. */
    @SuppressWarnings("unused") // accessed through REMOTE_FREES
    private volatile int remoteFrees;

    /**
     * Addresses of the large blocks allocated here and maybe still live (a block freed by {@code gfree} leaves
     * it too). Created on the first large block; any thread removes, the owner adds. Published before the
     * block's {@link #LARGE_OWNERS} entry, which is how other threads find it.
     */
    private Set<Long> large;

    private RegionHeap(Thread owner) {
        this.owner = owner;
        this.heap = new Heap(owner, null, this);
    }

    /** Nothing to reap: a region adopts no orphans. */
    @Override
    public void reapDead() {}

    /** Before the region reports out-of-memory: what the thread heaps' host gives back (pool, quarantine). */
    @Override
    public void relieve() {
        Allocation.relieve();
    }

    @Override
    public boolean adoptsOrphans() {
        return false;
    }

    /** Opens a region owned by the calling thread. */
    public static RegionHeap open() {
        RegionHeap region = new RegionHeap(Thread.currentThread());
        OPEN.add(region);
        return region;
    }

    /**
     * A zeroed block of any size: {@code gmalloc} semantics for the sizes the facade's fast path does not take (0,
     * negative, above 512). Owner only.
     */
    public long allocSlow(long size) {
        if (size < 0) {
            throw Errors.negativeSize("gmalloc size", size);
        }
        if (size > SizeClasses.MAX_SMALL_SIZE) {
            return allocLarge(size);
        }
        long small = Math.max(size, 1);
        return heap.alloc(SizeClasses.bucket(small), small);
    }

    private long allocLarge(long size) {
        Set<Long> mine = large;
        if (mine == null) {
            mine = ConcurrentHashMap.newKeySet();
            large = mine;
        }
        long address = Allocation.large(size, 16);
        mine.add(address);
        LARGE_OWNERS.put(address, this);
        return address;
    }

    /**
     * Frees a block through the region ({@code region.free}). Owner only.
     *
     * @throws io.gmalloc.InvalidFreeException {@code WRONG_BUCKET} for another live gmalloc block, {@code NOT_OWNED}
     *     for anything else that is not a block of this region, {@code INTERIOR} or {@code DOUBLE_FREE} for an
     *     address in this region's slabs that is not a live block start; nothing changed then
     */
    public void free(long address) {
        Slab slab = SlabRegistry.lookup(address);
        if (slab != null) {
            if (slab.home.heap == heap) {
                Heap.freeLocal(slab, address);
                return;
            }
            int index = slab.blockIndex(address);
            if (index >= 0 && slab.isLive(index)) {
                throw Errors.invalidFree(
                        address,
                        Reason.WRONG_BUCKET,
                        " (a block of " + slab.home.heap + " in " + slab + ", not of this region)");
            }
            throw Errors.invalidFree(address, Reason.NOT_OWNED, " (not a block of this region)");
        }
        if (LARGE_OWNERS.get(address) == this) {
            if (!freeLarge(address)) {
                LargeBlocks.free(address); // lost a race with a gfree from another thread: reports DOUBLE_FREE
            }
            return;
        }
        if (LargeBlocks.usableSize(address) > 0) {
            throw Errors.invalidFree(address, Reason.WRONG_BUCKET, " (a large block, not of this region)");
        }
        Map.Entry<Long, Long> below = LargeBlocks.blockAtOrBelow(address);
        if (below != null && address - below.getKey() < below.getValue() && LARGE_OWNERS.get(below.getKey()) == this) {
            throw Errors.invalidFree(address, Reason.INTERIOR, " (inside a large block of this region)");
        }
        if (LargeBlocks.whyNot(address) == Reason.DOUBLE_FREE) {
            throw Errors.invalidFree(address, Reason.DOUBLE_FREE, ""); // a freed large block, still remembered
        }
        throw Errors.invalidFree(address, Reason.NOT_OWNED, " (not a block of this region)");
    }

    /**
     * {@code gfree} of a large block a region owns, from any thread: claims it and frees it.
     *
     * @return {@code false} when {@code address} is no open region's large block (the caller frees it as usual)
     */
    static boolean freeLarge(long address) {
        if (LARGE_OWNERS.isEmpty()) {
            return false;
        }
        RegionHeap region = LARGE_OWNERS.remove(address);
        if (region == null) {
            return false;
        }
        region.large.remove(address);
        LargeBlocks.free(address);
        return true;
    }

    /** A large block {@code grealloc} has claimed and moves out: no region owns it any more. Any thread. */
    static void forgetLarge(long address) {
        if (LARGE_OWNERS.isEmpty()) {
            return;
        }
        RegionHeap region = LARGE_OWNERS.remove(address);
        if (region != null) {
            region.large.remove(address);
        }
    }

    /**
     * A free of one of this region's small blocks by a thread other than the opener (or by the opener through a
     * stale slab of its own after close). Any thread.
     *
     * @throws io.gmalloc.InvalidFreeException {@code NOT_OWNED} once the region is closed; as
     *     {@link Slab#freeRemote} otherwise
     */
    void freeRemote(Slab slab, long address) {
        REMOTE_FREES.getAndAdd(this, 1);
        try {
            if (closed) {
                throw Errors.invalidFree(address, Reason.NOT_OWNED, " (its region is closed)");
            }
            slab.freeRemote(address);
        } finally {
            REMOTE_FREES.getAndAdd(this, -1);
        }
    }

    /** Blocks handed out and not freed. Owner only (exact for the owner's frees, approximate for remote ones). */
    public long liveBlocks() {
        long live = 0;
        for (Arenarray arenarray : heap.arenarrays()) {
            if (arenarray != null) {
                for (Slab slab : arenarray.slabs()) {
                    live += slab.liveBlocks();
                }
            }
        }
        Set<Long> mine = large;
        return mine == null ? live : live + mine.size();
    }

    /** Bytes of the region's slabs plus the usable bytes of its live large blocks. Owner only. */
    public long reservedBytes() {
        long bytes = 0;
        for (Arenarray arenarray : heap.arenarrays()) {
            if (arenarray != null) {
                for (Slab slab : arenarray.slabs()) {
                    bytes += slab.bytes;
                }
            }
        }
        Set<Long> mine = large;
        if (mine != null) {
            for (long address : mine) {
                bytes += Math.max(0, LargeBlocks.usableSize(address));
            }
        }
        return bytes;
    }

    /** Frees every block still live and gives the memory back: slabs to the pool, large blocks to the C library. */
    public void close() {
        closed = true;
        while ((int) REMOTE_FREES.getVolatile(this) != 0) {
            Thread.onSpinWait(); // a remote free is a few dozen instructions from its end
        }
        OPEN.remove(this);
        if (Sites.ON) {
            Sites.ownerClosed(this);
        }
        List<Slab> slabs = new ArrayList<>();
        for (Arenarray arenarray : heap.arenarrays()) {
            if (arenarray != null) {
                slabs.addAll(List.of(arenarray.slabs()));
            }
        }
        SlabPool.retireClosed(slabs);
        Set<Long> mine = large;
        if (mine != null) {
            for (long address : mine) {
                if (LARGE_OWNERS.remove(address, this)) {
                    LargeBlocks.releaseClosed(address);
                }
            }
        }
        heap.current = new Slab[0]; // the heap may stay reachable from the Region object: let go of the slabs
    }

    /** The heaps of the regions open now: a snapshot for {@code stats()}. */
    static List<Heap> openHeaps() {
        List<Heap> heaps = new ArrayList<>();
        for (RegionHeap region : OPEN) {
            heaps.add(region.heap);
        }
        return heaps;
    }

    /** Regions open now. */
    static int openCount() {
        return OPEN.size();
    }
}
