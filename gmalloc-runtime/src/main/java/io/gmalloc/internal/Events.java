package io.gmalloc.internal;

import io.gmalloc.AllocationSite;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.MemoryAddress;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * JFR events for what a production user wants to find in a recording: invalid frees (with the stack that did
 * it), trims, arenas mapped or given back, and with site tracking on the live allocation sites. None is on the
 * fast path; disabled events cost a flag check.
 *
 * <p>{@code jfr print} shows five frames of a stack trace unless given {@code --stack-depth N}, and the top
 * frames of an invalid free are gmalloc's own: so {@code io.gmalloc.InvalidFree} carries the user's frame (the
 * first outside gmalloc and the generated buckets) in its {@code caller} field as well.
 */
final class Events {
    private Events() {}

    @Name("io.gmalloc.InvalidFree")
    @Label("gmalloc Invalid Free")
    @Category({"gmalloc"})
    @Description("gfree (or grealloc, SpecialBucket.free, Region.free) of an address that is not a live block")
    @StackTrace(true)
    static final class InvalidFree extends Event {
        @Label("Address")
        @MemoryAddress
        long address;

        @Label("Reason")
        String reason;

        @Label("Caller")
        @Description("The first frame outside gmalloc and the generated buckets: the code that made the bad call")
        String caller;
    }

    @Name("io.gmalloc.LiveSite")
    @Label("gmalloc Live Allocation Site")
    @Category({"gmalloc"})
    @Description("A call site whose blocks are still live (-Dgmalloc.trackSites=true); emitted at the end of every"
            + " recording chunk and, with -Dgmalloc.leakReport=true, at exit. Figures are estimates scaled by"
            + " -Dgmalloc.siteSampling")
    @StackTrace(false)
    @Period("endChunk")
    static final class LiveSite extends Event {
        @Label("Site")
        @Description("The allocating frame, then its callers, separated by ' <- '")
        String site;

        @Label("Live Blocks")
        long liveBlocks;

        @Label("Live Bytes")
        @DataAmount(DataAmount.BYTES)
        long liveBytes;

        @Label("Sampling")
        @Description("One allocation in this many recorded its site")
        int sampling;
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
            List<StackTraceElement> caller = Sites.userFrames(1);
            event.caller = caller.isEmpty() ? null : caller.getFirst().toString();
            event.commit();
        }
    }

    /** Emits the live sites at the end of every chunk of a recording; only when site tracking is on. */
    static void registerLiveSites() {
        FlightRecorder.addPeriodicEvent(LiveSite.class, Events::liveSites);
    }

    /** One {@code io.gmalloc.LiveSite} event per site (at most {@code limit}). */
    static void liveSites(List<AllocationSite> sites, int limit) {
        for (AllocationSite site : sites.subList(0, Math.min(limit, sites.size()))) {
            LiveSite event = new LiveSite();
            if (!event.isEnabled()) {
                return;
            }
            event.site = site.frames().stream().map(StackTraceElement::toString).collect(Collectors.joining(" <- "));
            event.liveBlocks = site.liveBlocks();
            event.liveBytes = site.liveBytes();
            event.sampling = Options.SITE_SAMPLING;
            event.commit();
        }
    }

    private static void liveSites() {
        liveSites(Sites.liveSites(), 100);
    }

    static void trim(long releasedBytes) {
        Trim event = new Trim();
        if (event.isEnabled()) {
            event.releasedBytes = releasedBytes;
            event.commit();
        }
    }

    /**
     * On every new mapping, gmalloc's first use included: the event class is not even loaded (JFR's machinery costs
     * ~100 ms and several MiB on first load) unless the flight recorder has started.
     */
    static void arenaMapped(long bytes, long blockSize) {
        if (!FlightRecorder.isInitialized()) {
            return;
        }
        ArenaMapped event = new ArenaMapped();
        if (event.isEnabled()) {
            event.bytes = bytes;
            event.blockSize = blockSize;
            event.commit();
        }
    }
}
