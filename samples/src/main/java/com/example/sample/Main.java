package com.example.sample;

import io.gmalloc.GMalloc;

/** Allocates a million {@link Vec3}s off-heap, reads them back, frees them and prints what gmalloc saw. */
public final class Main {
    private Main() {}

    /**
     * Runs the sample.
     *
     * @param args optional: how many vectors (default 1 000 000)
     */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Module module = Main.class.getModule();
        System.out.println("running " + (module.isNamed() ? "as module " + module.getName() : "on the class path")
                + ", checked mode " + GMalloc.checkedMode());

        long[] vectors = new long[count];
        for (int i = 0; i < count; i++) {
            vectors[i] = Vec3Bucket.alloc(new Vec3(i, 2 * i, 3 * i));
        }
        double sum = 0;
        for (long v : vectors) {
            sum += Vec3Bucket.x(v) + Vec3Bucket.y(v) + Vec3Bucket.z(v);
        }
        Vec3 last = Vec3Bucket.load(vectors[count - 1]);
        long live = GMalloc.stats().liveBytes();
        for (long v : vectors) {
            Vec3Bucket.free(v);
        }
        System.out.printf("%,d x Vec3 (%d bytes each): sum %.0f, last %s, %,d bytes live before free, %,d after%n",
                count, Vec3Bucket.SIZE, sum, last, live, GMalloc.stats().liveBytes());
    }
}
