package io.gmalloc.internal;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR events for what a production user wants to find in a recording: invalid frees (with the stack that did
 * it), trims, and arenas mapped or given back. None is on the fast path; disabled events cost a flag check.
 */
final class Events {
    private Events() {}

    @Name("io.gmalloc.InvalidFree")
    @Label("gmalloc Invalid Free")
    @Category({"gmalloc"})
    @Description("gfree (or usableSize, grealloc, SpecialBucket.free) of an address that is not a live block")
    @StackTrace(true)
    static final class InvalidFree extends Event {
        @Label("Address")
        long address;

        @Label("Reason")
        String reason;
    }

    @Name("io.gmalloc.Trim")
    @Label("gmalloc Trim")
    @Category({"gmalloc"})
    @Description("Empty arenas given back to the OS by GMalloc.trim()")
    static final class Trim extends Event {
        @Label("Released")
        @DataAmount(DataAmount.BYTES)
        long releasedBytes;
    }

    @Name("io.gmalloc.ArenaMapped")
    @Label("gmalloc Arena Mapped")
    @Category({"gmalloc"})
    @Description("A new arena (slab) was mapped from the OS")
    @StackTrace(false)
    static final class ArenaMapped extends Event {
        @Label("Size")
        @DataAmount(DataAmount.BYTES)
        long bytes;

        @Label("Block Size")
        @DataAmount(DataAmount.BYTES)
        long blockSize;
    }

    static void invalidFree(long address, String reason) {
        InvalidFree event = new InvalidFree();
        if (event.isEnabled()) {
            event.address = address;
            event.reason = reason;
            event.commit();
        }
    }

    static void trim(long releasedBytes) {
        Trim event = new Trim();
        if (event.isEnabled()) {
            event.releasedBytes = releasedBytes;
            event.commit();
        }
    }

    static void arenaMapped(long bytes, long blockSize) {
        ArenaMapped event = new ArenaMapped();
        if (event.isEnabled()) {
            event.bytes = bytes;
            event.blockSize = blockSize;
            event.commit();
        }
    }
}
