package io.gmalloc.examples;

/** Placeholder demo. */
public final class Demo {
    private Demo() {}

    /**
     * Entry point.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        System.out.println("gmalloc demo");
    }
}
