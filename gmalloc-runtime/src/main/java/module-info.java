/**
 * The gmalloc allocator. Only {@code io.gmalloc} is exported; {@code io.gmalloc.internal} holds the
 * heaps, Arenarrays and slabs. Needs native access ({@code --enable-native-access=io.gmalloc.runtime}, or
 * {@code ALL-UNNAMED} on the class path) for its mmap/calloc downcalls.
 */
module io.gmalloc.runtime {
    requires transitive java.management; // GMallocMXBean.register() returns an ObjectName
    requires jdk.jfr; // events: io.gmalloc.InvalidFree, io.gmalloc.Trim, io.gmalloc.ArenaMapped

    exports io.gmalloc;
}
