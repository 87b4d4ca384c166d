package io.gmalloc.internal;

import io.gmalloc.GMallocMXBean;

/** Each attribute read takes a fresh {@code GMalloc.stats()} snapshot: JMX polls seldom, the fast path pays nothing. */
public final class GMallocMXBeanImpl implements GMallocMXBean {

    @Override
    public long getReservedBytes() {
        return Stats.snapshot().reservedBytes();
    }

    @Override
    public long getCommittedBytes() {
        return Stats.snapshot().committedBytes();
    }

    @Override
    public long getLiveBytes() {
        return Stats.snapshot().liveBytes();
    }

    @Override
    public long getLiveBlocks() {
        return Stats.snapshot().liveBlocks();
    }

    @Override
    public long getLargeAllocations() {
        return Stats.snapshot().largeAllocations();
    }

    @Override
    public long getInvalidFrees() {
        return Stats.snapshot().invalidFrees();
    }

    @Override
    public int getHeaps() {
        return Stats.snapshot().heaps();
    }

    @Override
    public long trim() {
        return Reclaim.trim();
    }
}
