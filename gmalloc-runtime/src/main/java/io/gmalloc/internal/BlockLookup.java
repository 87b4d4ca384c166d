package io.gmalloc.internal;

import io.gmalloc.InvalidFreeException.Reason;
import java.util.Map;

/**
 * Questions about an address that change nothing: the usable size of a live block ({@code usableSize},
 * {@code segment}, {@code grealloc}) and checked-mode access validation. Reads only gmalloc's metadata, never the
 * memory at the address, so any long is safe to ask about.
 */
public final class BlockLookup {
    private BlockLookup() {}

    /**
     * Usable bytes of the live block starting at {@code address}.
     *
     * @param method the method the user called, for the message
     * @throws IllegalArgumentException saying the address is not a live block start
     */
    public static long usableSize(String method, long address) {
        Slab slab = SlabRegistry.lookup(address);
        if (slab != null) {
            Reason reason = whyNotLive(slab, address);
            if (reason != null) {
                throw Errors.notLive(method, address, reason, " (" + slab + ")");
            }
            return slab.stride;
        }
        long bytes = LargeBlocks.usableSize(address);
        if (bytes < 0) {
            throw Errors.notLive(method, address, LargeBlocks.whyNot(address), "");
        }
        return bytes;
    }

    /**
     * {@link #usableSize} for a call that is about to free the block ({@code grealloc}): an invalid address is an
     * invalid free.
     *
     * @throws io.gmalloc.InvalidFreeException when {@code address} is not a live block start
     */
    static long usableForFree(String method, long address) {
        Slab slab = SlabRegistry.lookup(address);
        if (slab != null) {
            Reason reason = whyNotLive(slab, address);
            if (reason != null) {
                throw Errors.invalidFree(method, address, reason, " (" + slab + ")");
            }
            return slab.stride;
        }
        long bytes = LargeBlocks.usableSize(address);
        if (bytes < 0) {
            throw Errors.invalidFree(method, address, LargeBlocks.whyNot(address), "");
        }
        return bytes;
    }

    private static Reason whyNotLive(Slab slab, long address) {
        int index = slab.blockIndex(address);
        if (index < 0) {
            return slab.notABlockStart(address);
        }
        if (!slab.everHandedOut(index)) {
            return Reason.NOT_OWNED;
        }
        return slab.isLive(index) ? null : Reason.DOUBLE_FREE;
    }

    /**
     * Checked mode: throws unless {@code [address, address + bytes)} lies inside one live block.
     *
     * @throws io.gmalloc.InvalidAccessException otherwise, saying whether the access is out of bounds of a live
     *     block or lies in freed memory
     */
    public static void checkAccess(long address, long bytes) {
        Slab slab = SlabRegistry.lookup(address);
        if (slab != null) {
            checkSlabAccess(slab, address, bytes);
            return;
        }
        if (!LargeBlocks.contains(address, bytes)) {
            throw Errors.invalidAccess(address, bytes, largeProblem(address));
        }
    }

    private static void checkSlabAccess(Slab slab, long address, long bytes) {
        int index = slab.containingBlock(address);
        if (index < 0) {
            int last = slab.blockCount - 1;
            throw Errors.invalidAccess(
                    address,
                    bytes,
                    last >= 0 && slab.isLive(last)
                            ? "is out of bounds: past the end of the live " + slab.stride + "-byte block at 0x"
                                    + Long.toHexString(slab.blockAddress(last)) + " (" + slab + ")"
                            : "lies in the unused tail of " + slab);
        }
        long start = slab.blockAddress(index);
        if (!slab.isLive(index)) {
            if (index > 0 && slab.isLive(index - 1)) {
                throw Errors.invalidAccess(
                        address,
                        bytes,
                        "is out of bounds: " + (address - start + slab.stride)
                                + " bytes past the start of the live " + slab.stride + "-byte block at 0x"
                                + Long.toHexString(start - slab.stride) + ", beyond its end (" + slab + ")");
            }
            throw Errors.invalidAccess(
                    address,
                    bytes,
                    slab.everHandedOut(index)
                            ? "lies in a freed block (use after free?) of " + slab
                            : "lies in a block never handed out of " + slab);
        }
        long end = start + slab.stride;
        if (bytes < 0 || bytes > end - address) { // not address + bytes > end: that wraps for huge lengths
            throw Errors.invalidAccess(
                    address,
                    bytes,
                    "is out of bounds: it runs past the end of its live " + slab.stride + "-byte block at 0x"
                            + Long.toHexString(start));
        }
    }

    private static String largeProblem(long address) {
        Map.Entry<Long, Long> below = LargeBlocks.blockAtOrBelow(address);
        if (below != null) {
            long end = below.getKey() + below.getValue();
            if (address < end) {
                return "is out of bounds: it runs past the end of the live " + below.getValue() + "-byte block at 0x"
                        + Long.toHexString(below.getKey());
            }
            if (address - end < 4096) {
                return "is out of bounds: " + (address - below.getKey()) + " bytes past the start of the live "
                        + below.getValue() + "-byte block at 0x" + Long.toHexString(below.getKey())
                        + ", beyond its end";
            }
        }
        return "is not inside a live gmalloc block (a freed block, or memory gmalloc does not own)";
    }
}
