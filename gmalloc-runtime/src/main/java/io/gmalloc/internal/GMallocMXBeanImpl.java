package io.gmalloc.internal;

import io.gmalloc.GMalloc;
import io.gmalloc.GMallocMXBean;

/** Each attribute read takes a fresh {@link GMalloc#stats()} snapshot: JMX polls seldom, the fast path pays nothing. */
public final class GMallocMXBeanImpl implements GMallocMXBean {

    @Override
    public long getReservedBytes() {
        return GMalloc.stats().reservedBytes();
    }

    @Override
    public long getCommittedBytes() {
        return GMalloc.stats().committedBytes();
    }

    @Override
    public long getLiveBytes() {
        return GMalloc.stats().liveBytes();
    }

    @Override
    public long getLiveBlocks() {
        return GMalloc.stats().liveBlocks();
    }

    @Override
    public long getLargeAllocations() {
        return GMalloc.stats().largeAllocations();
    }

    @Override
    public long getInvalidFrees() {
        return GMalloc.stats().invalidFrees();
    }

    @Override
    public int getHeaps() {
        return GMalloc.stats().heaps();
    }

    @Override
    public long trim() {
        return GMalloc.trim();
    }
}
