package io.gmalloc.internal;

import io.gmalloc.AllocationSite;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Field;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;

/**
 * Allocation-site tracking ({@code -Dgmalloc.trackSites=true}): which call sites own the blocks still live.
 *
 * <p>Off (the default), {@link #ON} is a {@code static final false}: the facade's {@code if (Sites.ON)} branches
 * are folded away by the JIT and the bytecode of the fast paths grows by one never-taken branch.
 *
 * <p>On, one allocation in {@link Options#SITE_SAMPLING} (chosen by {@link ThreadLocalRandom}, no shared counter)
 * walks the stack with {@link StackWalker} and records {@code address → (site, bytes, owner)} in {@link #LIVE}.
 * Frees look the address up first in {@link #FILTER}, a table of counters indexed by a hash of the address: a
 * zero counter (almost every free when few blocks are sampled) proves there is no record, and the free pays one
 * volatile read. Records are removed only after the free succeeded, and only if still the same record (a block
 * reused by another thread in between may carry a new one), so a rejected free changes nothing here either.
 *
 * <p>Concurrency: {@link #LIVE} is a {@link ConcurrentHashMap}; the filter counter is incremented before a record
 * is inserted and decremented after it is removed, so a reader that sees zero cannot miss a record.
 */
public final class Sites {
    private Sites() {}

    /** Tracking on: read once. */
    public static final boolean ON = Options.TRACK_SITES;

    private static final int SAMPLE_MASK = Options.SITE_SAMPLING - 1;
    private static final int FILTER_BITS = 16;
    private static final AtomicIntegerArray FILTER = new AtomicIntegerArray(ON ? 1 << FILTER_BITS : 0);

    /** One sampled live block. */
    private record Tracked(Site site, long bytes, Object owner) {}

    /** A call site, interned so equal sites share one object. */
    private record Site(List<StackTraceElement> frames) {}

    private static final Map<Long, Tracked> LIVE = new ConcurrentHashMap<>();
    private static final Map<List<StackTraceElement>, Site> SITES = new ConcurrentHashMap<>();

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final CodeSource RUNTIME = Sites.class.getProtectionDomain().getCodeSource();

    /** Top sites printed by the leak report. */
    private static final int REPORTED = 10;

    static {
        if (ON) {
            Events.registerLiveSites();
        }
        if (Options.LEAK_REPORT) {
            Runtime.getRuntime().addShutdownHook(new Thread(Sites::leakReport, "gmalloc leak report"));
        }
    }

    /** {@code -Dgmalloc.leakReport=true} at exit: the top sites to standard error, and as JFR events. */
    static void leakReport() {
        List<AllocationSite> sites = liveSites();
        System.err.print(leakReport(sites, REPORTED));
        System.err.flush();
        Events.liveSites(sites, REPORTED);
    }

    /** The text of the leak report. */
    static String leakReport(List<AllocationSite> sites, int top) {
        StringBuilder text = new StringBuilder("gmalloc leak report: ");
        long blocks = sites.stream().mapToLong(AllocationSite::liveBlocks).sum();
        long bytes = sites.stream().mapToLong(AllocationSite::liveBytes).sum();
        text.append(blocks)
                .append(blocks == 1 ? " live block, " : " live blocks, ")
                .append(bytes)
                .append(" bytes, from ")
                .append(sites.size())
                .append(sites.size() == 1 ? " site" : " sites");
        if (Options.SITE_SAMPLING > 1) {
            text.append(" (sampled: 1 allocation in ")
                    .append(Options.SITE_SAMPLING)
                    .append(" recorded, figures are estimates)");
        }
        text.append(System.lineSeparator());
        for (AllocationSite site : sites.subList(0, Math.min(top, sites.size()))) {
            text.append("  ")
                    .append(site.liveBytes())
                    .append(" bytes in ")
                    .append(site.liveBlocks())
                    .append(site.liveBlocks() == 1 ? " block" : " blocks")
                    .append(System.lineSeparator());
            for (StackTraceElement frame : site.frames()) {
                text.append("        at ").append(frame).append(System.lineSeparator());
            }
        }
        if (sites.size() > top) {
            text.append("  … ").append(sites.size() - top).append(" more sites").append(System.lineSeparator());
        }
        return text.toString();
    }

    /** Classes to skip when looking for the user's frame: gmalloc's own and the generated buckets. */
    private static final ClassValue<Boolean> SKIPPED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (type.getPackageName().equals("java.lang.foreign")) {
                return true; // SegmentAllocator's default methods calling GMalloc.allocator()
            }
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return (source != null && source.equals(RUNTIME)) || isGenerated(type);
        }
    };

    /** A generated bucket: it holds the {@code MEMORY$} address-space segment every generated class declares. */
    private static boolean isGenerated(Class<?> type) {
        try {
            Field field = type.getDeclaredField("MEMORY$");
            return field.getType() == MemorySegment.class;
        } catch (NoSuchFieldException | SecurityException | LinkageError e) {
            return false;
        }
    }

    /**
     * Records the site of a new block if this allocation is sampled. Call only when {@link #ON}.
     *
     * @param owner the region the block belongs to, or null
     * @return {@code address}
     */
    public static long allocated(long address, Object owner) {
        if ((ThreadLocalRandom.current().nextInt() & SAMPLE_MASK) == 0) {
            record(address, owner);
        }
        return address;
    }

    /** {@code gfree} with tracking on: frees, then forgets the block's record. */
    public static void free(long address) {
        Object tracked = beforeFree(address);
        FreeRouter.free(address);
        freed(address, tracked);
    }

    private static void record(long address, Object owner) {
        List<StackTraceElement> frames = userFrames(Options.SITE_FRAMES);
        Site site = SITES.computeIfAbsent(frames, Site::new);
        Slab slab = SlabRegistry.lookup(address);
        long bytes = slab != null ? slab.stride : LargeBlocks.usableSize(address);
        if (bytes < 0) {
            return; // a large block freed by another thread already: nothing to track
        }
        FILTER.getAndIncrement(slot(address));
        Tracked old = LIVE.put(address, new Tracked(site, bytes, owner));
        if (old != null) {
            FILTER.getAndDecrement(slot(address)); // a stale record of an earlier block at this address
        }
    }

    /** The record of a block about to be freed, or null: pass it to {@link #freed}. Call only when {@link #ON}. */
    public static Object beforeFree(long address) {
        return FILTER.get(slot(address)) == 0 ? null : LIVE.get(address);
    }

    /** Forgets the record {@link #beforeFree} returned, now that the free succeeded. */
    public static void freed(long address, Object tracked) {
        if (tracked != null && LIVE.remove(address, tracked)) {
            FILTER.getAndDecrement(slot(address));
        }
    }

    /** Forgets every record owned by {@code owner} (a closed region). Call only when {@link #ON}. */
    public static void ownerClosed(Object owner) {
        LIVE.entrySet().removeIf(e -> {
            if (e.getValue().owner == owner) {
                FILTER.getAndDecrement(slot(e.getKey()));
                return true;
            }
            return false;
        });
    }

    private static int slot(long address) {
        return (int) ((address * 0x9E3779B97F4A7C15L) >>> (64 - FILTER_BITS));
    }

    /**
     * Live blocks grouped by site, sorted by live bytes (largest first), estimates scaled by the sampling rate;
     * empty when tracking is off.
     */
    public static List<AllocationSite> liveSites() {
        if (!ON) {
            return List.of();
        }
        Map<Site, long[]> sums = new HashMap<>();
        for (Tracked tracked : LIVE.values()) {
            long[] sum = sums.computeIfAbsent(tracked.site, s -> new long[2]);
            sum[0]++;
            sum[1] += tracked.bytes;
        }
        List<AllocationSite> sites = new ArrayList<>(sums.size());
        long scale = Options.SITE_SAMPLING;
        sums.forEach((site, sum) -> sites.add(new AllocationSite(site.frames, sum[0] * scale, sum[1] * scale)));
        sites.sort(Comparator.comparingLong(AllocationSite::liveBytes)
                .reversed()
                .thenComparing(
                        Comparator.comparingLong(AllocationSite::liveBlocks).reversed()));
        return sites;
    }

    /**
     * The caller's frames: the first frame outside gmalloc and the generated buckets, then up to {@code max - 1}
     * of its callers. Empty if every frame is gmalloc's.
     */
    public static List<StackTraceElement> userFrames(int max) {
        return WALKER.walk(frames -> frames(frames, max));
    }

    private static List<StackTraceElement> frames(Stream<StackWalker.StackFrame> frames, int max) {
        return frames.dropWhile(f -> SKIPPED.get(f.getDeclaringClass()))
                .limit(max)
                .map(StackWalker.StackFrame::toStackTraceElement)
                .toList();
    }
}
