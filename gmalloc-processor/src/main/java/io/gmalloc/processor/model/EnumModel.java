package io.gmalloc.processor.model;

/**
 * An enum component's type: stored as its ordinal in the smallest unsigned C type that holds every ordinal.
 *
 * @param type the enum
 * @param constantCount number of constants
 */
public record EnumModel(RecordRef type, int constantCount) {
    /** Largest constant count stored in one byte. */
    public static final int MAX_UINT8_CONSTANTS = 256;

    /**
     * Returns the ordinal's size.
     *
     * @return 1 for at most 256 constants, else 2
     */
    public long sizeBytes() {
        return constantCount <= MAX_UINT8_CONSTANTS ? 1 : 2;
    }

    /**
     * Returns the C type of the ordinal.
     *
     * @return {@code "uint8_t"} or {@code "uint16_t"}
     */
    public String cName() {
        return sizeBytes() == 1 ? "uint8_t" : "uint16_t";
    }
}
