package io.gmalloc;

import java.util.List;

/**
 * Where live blocks were allocated, from {@link GMalloc#liveSites()} (with {@code -Dgmalloc.trackSites=true}).
 *
 * <p>Tracking samples: one allocation in {@code -Dgmalloc.siteSampling} (default 1024, on average) records its
 * site, and each recorded block stands for that many, so {@code liveBlocks} and {@code liveBytes} are estimates
 * (multiples of the sampling rate). With {@code -Dgmalloc.siteSampling=1} every allocation is recorded and the
 * figures are exact.
 *
 * @param frames the call site: the first frame outside gmalloc and the generated buckets, then its callers (at
 *     most {@code -Dgmalloc.siteFrames}, default 4)
 * @param liveBlocks blocks allocated there and still live (estimated from the samples)
 * @param liveBytes usable bytes of those blocks (estimated from the samples)
 */
public record AllocationSite(List<StackTraceElement> frames, long liveBlocks, long liveBytes) {

    /** Copies {@code frames} so the record stays immutable. */
    public AllocationSite {
        frames = List.copyOf(frames);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder()
                .append(liveBytes)
                .append(" bytes in ")
                .append(liveBlocks)
                .append(liveBlocks == 1 ? " block" : " blocks");
        String indent = " at ";
        for (StackTraceElement frame : frames) {
            text.append(indent).append(frame);
            indent = " <- ";
        }
        return text.toString();
    }
}
