package io.gmalloc.internal;

import java.util.Locale;

/**
 * Every {@code gmalloc.*} system property, read once when gmalloc starts, each parsed by its type:
 *
 * <ul>
 *   <li><b>flags</b> accept exactly {@code true} or {@code false} (any case); {@code yes}, {@code 1} or a typo is
 *       an error, never a silent {@code false};
 *   <li><b>byte sizes</b> accept a positive count with an optional {@code k}, {@code m}, {@code g} or {@code t}
 *       suffix ({@code 64m});
 *   <li><b>counts</b> accept a plain positive decimal integer in a stated range ({@code 4k} is an error).
 * </ul>
 *
 * An unset or blank property takes its default. A bad value throws {@link IllegalArgumentException} naming the
 * property, the value and what is accepted; it surfaces as the cause of the {@link ExceptionInInitializerError}
 * of gmalloc's first use.
 */
public final class Options {
    private Options() {}

    /** {@code -Dgmalloc.checked=true}: accessors validate addresses, freed blocks are poisoned. */
    public static final boolean CHECKED = flag("gmalloc.checked", false);

    /** {@code -Dgmalloc.maxBytes=512m}: cap on the bytes gmalloc reserves from the OS (slabs and large blocks). */
    public static final long MAX_BYTES = bytes("gmalloc.maxBytes", Long.MAX_VALUE);

    /**
     * {@code -Dgmalloc.retainBytes=64m}: empty slabs kept for reuse before gmalloc gives them back to the OS on
     * its own; {@code trim()} gives back all of them.
     */
    public static final long RETAIN_BYTES = bytes("gmalloc.retainBytes", 64L << 20);

    /** {@code -Dgmalloc.stripes=N}: heaps shared by virtual threads, 1..1024; default the cores, at least 2. */
    public static final int STRIPES = (int) count(
            "gmalloc.stripes",
            1,
            1024,
            Math.min(1024, Math.max(2, Runtime.getRuntime().availableProcessors())));

    /**
     * {@code -Dgmalloc.hugePages=true} asks for transparent huge pages on slabs of 2 MiB and more (fewer page faults
     * and TLB misses when big arenas are filled again; memory grows in 2 MiB steps there). Off by default, as in
     * mimalloc: where the kernel has to find fresh 2 MiB pages (a program's first fill of its memory, and on
     * virtual machines whose host backs guest memory lazily) it made shape 1 (N blocks allocated, touched, freed)
     * 15-34 % slower.
     */
    public static final boolean HUGE_PAGES = flag("gmalloc.hugePages", false);

    /** {@code -Dgmalloc.jmx=true}: register {@code io.gmalloc:type=GMalloc} when gmalloc starts. */
    public static final boolean JMX = flag("gmalloc.jmx", false);

    /**
     * {@code -Dgmalloc.leakReport=true}: at exit, print the top allocation sites still live to standard error and
     * emit JFR {@code io.gmalloc.LiveSite} events; implies {@link #TRACK_SITES}.
     */
    public static final boolean LEAK_REPORT = flag("gmalloc.leakReport", false);

    /**
     * {@code -Dgmalloc.trackSites=true}: record the call site of sampled allocations for {@code liveSites()}; also
     * on with {@link #LEAK_REPORT}.
     */
    public static final boolean TRACK_SITES = flag("gmalloc.trackSites", false) || LEAK_REPORT;

    /**
     * {@code -Dgmalloc.siteSampling=N}: with site tracking on, one allocation in {@code N} on average records its
     * site (a power of two, 1..65536; default 256); {@code 1} records every allocation.
     */
    public static final int SITE_SAMPLING = powerOfTwo("gmalloc.siteSampling", 1 << 16, 1024);

    /** {@code -Dgmalloc.siteFrames=N}: frames kept per site, starting at the caller's frame; 1..64, default 4. */
    public static final int SITE_FRAMES = (int) count("gmalloc.siteFrames", 1, 64, 4);

    /**
     * {@code -Dgmalloc.verify=true}: walk a heap's bookkeeping after every slow path and throw
     * {@link AssertionError} at the first inconsistency (a debug tier for gmalloc's own tests; slow).
     */
    public static final boolean VERIFY = flag("gmalloc.verify", false);

    /** Byte value written over freed blocks in checked mode. */
    public static final byte POISON = (byte) 0xDE;

    /**
     * Reads a flag.
     *
     * @throws IllegalArgumentException naming the property when the value is neither {@code true} nor {@code false}
     */
    static boolean flag(String property, boolean defaultValue) {
        String raw = System.getProperty(property);
        return raw == null || raw.isBlank() ? defaultValue : parseFlag(property, raw);
    }

    static boolean parseFlag(String property, String raw) {
        String value = raw.trim();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("-D" + property + "=" + raw + " is not a flag: use true or false");
    }

    /**
     * Reads a plain decimal count in {@code [min, max]}.
     *
     * @throws IllegalArgumentException naming the property when the value is not such a count
     */
    static long count(String property, long min, long max, long defaultValue) {
        String raw = System.getProperty(property);
        return raw == null || raw.isBlank() ? defaultValue : parseCount(property, raw, min, max);
    }

    static long parseCount(String property, String raw, long min, long max) {
        String value = raw.trim();
        long number;
        try {
            number = value.chars().allMatch(c -> c >= '0' && c <= '9') ? Long.parseLong(value) : -1;
        } catch (NumberFormatException e) {
            number = -1; // digits only, but too long for a long
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException("-D" + property + "=" + raw + " is not a count from " + min + " to "
                    + max + " (a plain decimal integer; no suffix such as k)");
        }
        return number;
    }

    private static int powerOfTwo(String property, int max, int defaultValue) {
        int value = (int) count(property, 1, max, defaultValue);
        if (Integer.bitCount(value) != 1) {
            throw new IllegalArgumentException(
                    "-D" + property + "=" + value + " is not a power of two (1, 2, 4 … " + max + ")");
        }
        return value;
    }

    /**
     * Reads a byte count such as {@code 1048576}, {@code 64k}, {@code 512m} or {@code 2g}.
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
            if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new NumberFormatException(); // Long.parseLong would take "+5" and "-0"
            }
            long number = Long.parseLong(digits);
            if (number <= 0 || number > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return number << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "-D" + property + "=" + raw + " is not a positive byte count (examples: 1048576, 64k, 512m, 2g)");
        }
    }
}
