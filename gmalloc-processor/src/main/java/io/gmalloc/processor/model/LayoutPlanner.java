package io.gmalloc.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes C struct layout on LP64 the way gcc does: members in declaration order, each at the next offset that
 * is a multiple of its alignment, the struct's alignment the largest member alignment, its size rounded up to
 * that alignment. Pure: no javax.lang.model, so it is tested table-driven and against gcc.
 */
public final class LayoutPlanner {
    private LayoutPlanner() {}

    /**
     * One member to place.
     *
     * @param name member name
     * @param sizeBytes member size in bytes, positive
     * @param alignment member alignment in bytes, a power of two
     */
    public record Member(String name, long sizeBytes, long alignment) {
        /** Checks the member is placeable. */
        public Member {
            if (sizeBytes <= 0) {
                throw new IllegalArgumentException("member " + name + ": size must be positive: " + sizeBytes);
            }
            if (alignment <= 0 || Long.bitCount(alignment) != 1) {
                throw new IllegalArgumentException(
                        "member " + name + ": alignment must be a power of two: " + alignment);
            }
        }
    }

    /**
     * The placed struct. Padding is decided here and only here: renderers (Java {@code LAYOUT}, javadoc, C header)
     * emit it as given.
     *
     * @param offsets byte offset of each member, in member order
     * @param sizeBytes struct size including trailing padding
     * @param alignment struct alignment
     * @param paddingBeforeBytes padding bytes between each member and the end of the one before it (the struct's
     *     start for the first member), in member order
     * @param trailingPaddingBytes padding bytes after the last member, up to {@code sizeBytes}
     */
    public record Plan(
            List<Long> offsets,
            long sizeBytes,
            long alignment,
            List<Long> paddingBeforeBytes,
            long trailingPaddingBytes) {
        /** Copies the lists. */
        public Plan {
            offsets = List.copyOf(offsets);
            paddingBeforeBytes = List.copyOf(paddingBeforeBytes);
            if (paddingBeforeBytes.size() != offsets.size()) {
                throw new IllegalArgumentException("one padding per member: " + paddingBeforeBytes + " " + offsets);
            }
        }
    }

    /**
     * Places the members.
     *
     * @param members at least one member
     * @return offsets, size and alignment equal to gcc's for the same C struct
     */
    public static Plan plan(List<Member> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a struct needs at least one member");
        }
        List<Long> offsets = new ArrayList<>(members.size());
        List<Long> padding = new ArrayList<>(members.size());
        long end = 0;
        long alignment = 1;
        for (Member member : members) {
            long offset = alignUp(end, member.alignment());
            offsets.add(offset);
            padding.add(offset - end);
            end = Math.addExact(offset, member.sizeBytes());
            alignment = Math.max(alignment, member.alignment());
        }
        long sizeBytes = alignUp(end, alignment);
        return new Plan(offsets, sizeBytes, alignment, padding, sizeBytes - end);
    }

    /**
     * Rounds up to a multiple of a power of two.
     *
     * @param value a non-negative value
     * @param alignment a power of two
     * @return the smallest multiple of {@code alignment} not below {@code value}
     */
    public static long alignUp(long value, long alignment) {
        return Math.addExact(value, alignment - 1) & -alignment;
    }
}
