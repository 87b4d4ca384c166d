package io.gmalloc;

/**
 * Thrown when an address handed to gmalloc is not the start of a live block of the expected kind: a free (or
 * {@code grealloc}, {@code usableSize}, {@code segment}) of memory gmalloc never returned, of a pointer into the
 * middle of a block, of a block already freed, or of another bucket's block. Nothing changed when this is thrown.
 */
public class InvalidFreeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why an address was rejected. */
    public enum Reason {
        /**
         * No gmalloc block contains the address (random value, memory of another allocator, released arena, a block
         * boundary past an arena's high-water mark that was never handed out, or an arena's unused tail past its
         * last block).
         */
        NOT_OWNED,
        /** The address lies inside a gmalloc block but not at its start. */
        INTERIOR,
        /** The block at the address has already been freed. */
        DOUBLE_FREE,
        /** The block belongs to another bucket than the one asked to free it. */
        WRONG_BUCKET
    }

    /** The rejected address. */
    private final long address;

    /** Why it was rejected. */
    private final Reason reason;

    /**
     * Creates an exception for a rejected address.
     *
     * @param address the rejected address
     * @param reason why it was rejected
     * @param message a description for the user
     */
    public InvalidFreeException(long address, Reason reason, String message) {
        super(message);
        this.address = address;
        this.reason = reason;
    }

    /**
     * Returns the address that was rejected.
     *
     * @return the rejected address
     */
    public long address() {
        return address;
    }

    /**
     * Returns why the address was rejected.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
