package io.gmalloc;

/**
 * Thrown in checked mode ({@code -Dgmalloc.checked=true}) when a typed accessor or {@link GMalloc#checkAccess}
 * is used on memory that does not lie inside one live gmalloc block: use after free, a wild address, or an
 * access running past the end of its block.
 */
public class InvalidAccessException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** First byte of the rejected access. */
    private final long address;

    /** Length of the rejected access in bytes. */
    private final long bytes;

    /**
     * Creates an exception for a rejected access.
     *
     * @param address first byte of the access
     * @param bytes length of the access
     * @param message a description for the user
     */
    public InvalidAccessException(long address, long bytes, String message) {
        super(message);
        this.address = address;
        this.bytes = bytes;
    }

    /**
     * Returns the first byte of the rejected access.
     *
     * @return the address
     */
    public long address() {
        return address;
    }

    /**
     * Returns the length of the rejected access.
     *
     * @return the length in bytes
     */
    public long bytes() {
        return bytes;
    }
}
