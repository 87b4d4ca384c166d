package io.gmalloc.internal;

import io.gmalloc.InvalidAccessException;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import java.util.concurrent.atomic.LongAdder;

/**
 * Builds gmalloc's exceptions with messages that say what happened and what to do, each naming the method the
 * user called; counts invalid frees. The one place that words an {@link OutOfMemoryError}.
 */
public final class Errors {
    private Errors() {}

    private static final LongAdder INVALID_FREES = new LongAdder();

    /** The method named by free errors unless the caller renames them ({@link #renamed}). */
    private static final String GFREE = "GMalloc.gfree";

    /** {@link InvalidFreeException}s thrown so far, plus racing double frees found later (default mode). */
    public static long invalidFrees() {
        return INVALID_FREES.sum();
    }

    /** An invalid free of an address inside (or at a block of) {@code slab}; counts it. */
    static InvalidFreeException invalidFree(long address, Reason reason, Slab slab) {
        String where = slab == null ? "" : " (" + slab + ")";
        return invalidFree(address, reason, where);
    }

    /** An invalid {@code gfree}; counts it. */
    public static InvalidFreeException invalidFree(long address, Reason reason, String detail) {
        return invalidFree(GFREE, address, reason, detail);
    }

    /** An invalid free through {@code method}; counts it. */
    public static InvalidFreeException invalidFree(String method, long address, Reason reason, String detail) {
        countInvalidFree(address, reason);
        return new InvalidFreeException(address, reason, freeMessage(method, address, reason, detail));
    }

    /**
     * The same rejection, reworded for the method the user called ({@code SpecialBucket.free}, {@code grealloc});
     * not counted again.
     */
    public static InvalidFreeException renamed(InvalidFreeException e, String method) {
        String message = e.getMessage();
        if (message.startsWith(GFREE + ": ")) {
            message = method + ": " + message.substring(GFREE.length() + 2);
        }
        InvalidFreeException renamed = new InvalidFreeException(e.address(), e.reason(), message);
        renamed.setStackTrace(e.getStackTrace());
        return renamed;
    }

    private static String freeMessage(String method, long address, Reason reason, String detail) {
        String what = switch (reason) {
            case NOT_OWNED -> "was not returned by gmalloc (or its arena was already given back)";
            case INTERIOR -> "points inside a gmalloc block, not at its start";
            case DOUBLE_FREE -> "is a block that was already freed";
            case WRONG_BUCKET -> "belongs to another bucket";
        };
        return method + ": address 0x" + Long.toHexString(address) + " " + what + detail + "; nothing was changed";
    }

    /** Counts an invalid free. */
    static void countInvalidFree(long address, Reason reason) {
        countInvalidFrees(address, reason, 1);
    }

    /**
     * Counts {@code count} invalid frees that are not thrown (racing double frees found when the owner reconciles
     * its frees); one JFR event names the first address.
     */
    static void countInvalidFrees(long address, Reason reason, int count) {
        INVALID_FREES.add(count);
        Events.invalidFree(address, reason.name());
    }

    /**
     * For {@code usableSize}, {@code segment} and other queries of an address that is not a live block start:
     * nothing was being freed, so not an {@link InvalidFreeException}.
     */
    static IllegalArgumentException notLive(String method, long address, Reason reason, String detail) {
        String what = switch (reason) {
            case NOT_OWNED -> "is not a gmalloc block (gmalloc never returned it, or its arena was given back)";
            case INTERIOR -> "points inside a gmalloc block, not at its start";
            case DOUBLE_FREE -> "is not a live block: it was freed (use after free?)";
            case WRONG_BUCKET -> "belongs to another bucket";
        };
        return new IllegalArgumentException(method + ": address 0x" + Long.toHexString(address) + " " + what + detail);
    }

    /** A rejected checked-mode access. */
    static InvalidAccessException invalidAccess(long address, long bytes, String why) {
        return new InvalidAccessException(
                address,
                bytes,
                "gmalloc checked mode: " + bytes + " bytes at 0x" + Long.toHexString(address) + " " + why);
    }

    /**
     * The byte count of {@code gcalloc(count, size)}, shared by {@code GMalloc} and {@code Region}.
     *
     * @throws IllegalArgumentException naming the value if either argument is negative or the product overflows
     */
    public static long callocBytes(long count, long size) {
        if (count < 0) {
            throw negativeSize("gcalloc count", count);
        }
        if (size < 0) {
            throw negativeSize("gcalloc size", size);
        }
        try {
            return Math.multiplyExact(count, size);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("gcalloc: " + count + " * " + size + " overflows a long", e);
        }
    }

    /** For a negative size. */
    public static IllegalArgumentException negativeSize(String what, long size) {
        return new IllegalArgumentException(what + " must not be negative: " + size);
    }

    /**
     * The out-of-memory error for an allocation of {@code requested} bytes that failed after memory pressure was
     * relieved.
     */
    static OutOfMemoryError outOfMemory(long requested, OsMemory.NoMemory why) {
        return outOfMemory(requested + " bytes", why);
    }

    /** {@link #outOfMemory(long, OsMemory.NoMemory)} for a request described by {@code what}. */
    static OutOfMemoryError outOfMemory(String what, OsMemory.NoMemory why) {
        String cause = why.overCap || why.bytes > Options.MAX_BYTES
                ? "reserving " + why.bytes + " more bytes would pass -Dgmalloc.maxBytes=" + Options.MAX_BYTES
                : "the OS refused " + why.bytes + " bytes (-Dgmalloc.maxBytes=" + Options.MAX_BYTES + ")";
        return new OutOfMemoryError("gmalloc: cannot allocate " + what + ": " + cause + "; " + why.reservedBytes
                + " bytes reserved by gmalloc, after giving back empty arenas and freed large blocks");
    }
}
