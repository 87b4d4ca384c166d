package io.gmalloc.internal;

import io.gmalloc.InvalidAccessException;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import java.util.concurrent.atomic.LongAdder;

/** Builds gmalloc's exceptions with messages that say what happened and what to do; counts invalid frees. */
public final class Errors {
    private Errors() {}

    private static final LongAdder INVALID_FREES = new LongAdder();

    /** {@link InvalidFreeException}s thrown so far. */
    public static long invalidFrees() {
        return INVALID_FREES.sum();
    }

    /** An invalid free of an address inside (or at a block of) {@code slab}; counts it. */
    static InvalidFreeException invalidFree(long address, Reason reason, Slab slab) {
        String where = slab == null ? "" : " (" + slab + ")";
        return invalidFree(address, reason, where);
    }

    /** An invalid free; counts it. */
    public static InvalidFreeException invalidFree(long address, Reason reason, String detail) {
        INVALID_FREES.increment();
        Events.invalidFree(address, reason.name());
        String what = switch (reason) {
            case NOT_OWNED -> "was not returned by gmalloc (or its arena was already given back)";
            case INTERIOR -> "points inside a gmalloc block, not at its start";
            case DOUBLE_FREE -> "is a block that was already freed";
            case WRONG_BUCKET -> "belongs to another bucket";
        };
        return new InvalidFreeException(address, reason,
                "address 0x" + Long.toHexString(address) + " " + what + detail + "; nothing was changed");
    }

    /** A rejected checked-mode access. */
    static InvalidAccessException invalidAccess(long address, long bytes, String why) {
        return new InvalidAccessException(address, bytes, "gmalloc checked mode: " + bytes + " bytes at 0x"
                + Long.toHexString(address) + " " + why);
    }

    /** For a negative size. */
    public static IllegalArgumentException negativeSize(String what, long size) {
        return new IllegalArgumentException(what + " must not be negative: " + size);
    }
}
