package io.gmalloc.internal;

/** {@code GMalloc.trim()}: gives empty memory back to the OS, from the outside in. */
public final class Reclaim {
    private Reclaim() {}

    /**
     * Dead threads' heaps to the pool, then the caller's heap and free stripes, then the pool's empty slabs and the
     * large blocks' quarantine, all back to the OS.
     *
     * @return bytes given back
     */
    public static long trim() {
        long releasedBefore = SlabPool.releasedBytes();
        Heaps.reapDead();
        Heaps.trimReachable(); // what it retires past the pool's reserve is released right away: counted too
        SlabPool.trim();
        long released = SlabPool.releasedBytes() - releasedBefore + LargeBlocks.releaseQuarantine();
        Events.trim(released);
        return released;
    }
}
