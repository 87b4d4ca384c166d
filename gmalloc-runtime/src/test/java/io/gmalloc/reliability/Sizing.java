package io.gmalloc.reliability;

/**
 * CI size or soak size. {@code -Dgmalloc.soak=true} (or {@code ./mvnw -Psoak}) turns every reliability test up
 * to its soak size; {@code -Dgmalloc.soak.factor=N} scales the soak further.
 */
final class Sizing {
    private Sizing() {}

    static final boolean SOAK = Boolean.getBoolean("gmalloc.soak");

    private static final long FACTOR = Long.getLong("gmalloc.soak.factor", 1);

    /** {@code ci} normally, {@code soak × factor} in a soak run. */
    static long pick(long ci, long soak) {
        return SOAK ? soak * FACTOR : ci;
    }

    static int pick(int ci, int soak) {
        return Math.toIntExact(pick((long) ci, (long) soak));
    }

    /** One line a soak run leaves in the test output, for docs/reliability.md. */
    static void report(String test, String figures) {
        System.out.println("[gmalloc-reliability] " + (SOAK ? "soak" : "ci") + " " + test + ": " + figures);
    }
}
