/**
 * The sample application as a named module; on the class path this file is simply ignored. An application
 * exports nothing. A library that exports a package holding {@code @GMallocBucket} records writes
 * {@code requires static transitive io.gmalloc.annotations}, or {@code -Xlint:exports} warns that its API (the
 * records and the generated buckets) carries annotations its readers cannot see.
 */
module com.example.sample {
    requires io.gmalloc.runtime;
    requires static io.gmalloc.annotations; // @GMallocBucket and the generated @Generated: compile time only
}
