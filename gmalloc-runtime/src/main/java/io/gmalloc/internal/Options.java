package io.gmalloc.internal;

import java.util.Locale;

/** Every {@code gmalloc.*} system property, read once when gmalloc starts. */
public final class Options {
    private Options() {}

    /** {@code -Dgmalloc.checked=true}: accessors validate addresses, freed blocks are poisoned. */
    public static final boolean CHECKED = Boolean.getBoolean("gmalloc.checked");

    /** {@code -Dgmalloc.maxBytes=512m}: cap on the bytes gmalloc reserves from the OS (slabs and large blocks). */
    public static final long MAX_BYTES = bytes("gmalloc.maxBytes", Long.MAX_VALUE);

    /**
     * {@code -Dgmalloc.retainBytes=64m}: empty slabs kept for reuse before gmalloc gives them back to the OS on
     * its own; {@code trim()} gives back all of them.
     */
    public static final long RETAIN_BYTES = bytes("gmalloc.retainBytes", 64L << 20);

    /** {@code -Dgmalloc.stripes=N}: heaps shared by virtual threads; default the number of cores, at least 2. */
    public static final int STRIPES = (int) Math.max(1, Math.min(1024, bytes(
            "gmalloc.stripes", Math.max(2, Runtime.getRuntime().availableProcessors()))));

    /**
     * {@code -Dgmalloc.hugePages=false} turns off the transparent-huge-page hint on slabs of 2 MiB and more
     * (on by default: far fewer page faults when big arenas fill; memory grows in 2 MiB steps there).
     */
    public static final boolean HUGE_PAGES = !"false".equalsIgnoreCase(System.getProperty("gmalloc.hugePages"));

    /** {@code -Dgmalloc.jmx=true}: register {@code io.gmalloc:type=GMalloc} when gmalloc starts. */
    public static final boolean JMX = Boolean.getBoolean("gmalloc.jmx");

    /** Byte value written over freed blocks in checked mode. */
    public static final byte POISON = (byte) 0xDE;

    /**
     * Parses a byte count such as {@code 1048576}, {@code 64k}, {@code 512m} or {@code 2g}.
     *
     * @throws IllegalArgumentException naming the property when the value is not a positive byte count
     */
    static long bytes(String property, long defaultValue) {
        String raw = System.getProperty(property);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        return parseBytes(property, raw);
    }

    static long parseBytes(String property, String raw) {
        String value = raw.trim().toLowerCase(Locale.ROOT);
        int shift = switch (value.charAt(value.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        String digits = shift == 0 ? value : value.substring(0, value.length() - 1);
        try {
            long number = Long.parseLong(digits.trim());
            if (number <= 0 || number > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return number << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + property + "=" + raw
                    + " is not a positive byte count (examples: 1048576, 64k, 512m, 2g)");
        }
    }
}
