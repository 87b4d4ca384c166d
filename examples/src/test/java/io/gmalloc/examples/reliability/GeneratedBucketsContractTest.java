package io.gmalloc.examples.reliability;

import io.gmalloc.contract.AllocatorContract;
import io.gmalloc.contract.Kind;
import io.gmalloc.examples.BodyBucket;
import io.gmalloc.examples.ParticleBucket;
import io.gmalloc.examples.Vec3Bucket;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The runtime's allocator contract over classes the processor generated: special buckets of the example records
 * (Vec3 12 B, Body 20 B, Particle 28 B), of the test records (Tiny 1 B, Odd 4 B, Header 12 B), a dedicated 16-byte
 * bucket (Pair) and two records that land in general buckets (Mixed 24 B, Tagged 32 B).
 */
class GeneratedBucketsContractTest extends AllocatorContract {

    private static final List<Kind> KINDS = List.of(
            special(
                    "Vec3",
                    Vec3Bucket.SIZE,
                    Vec3Bucket.ALIGNMENT,
                    "io.gmalloc.examples.Vec3",
                    Vec3Bucket::alloc,
                    Vec3Bucket::free),
            special(
                    "Body",
                    BodyBucket.SIZE,
                    BodyBucket.ALIGNMENT,
                    "io.gmalloc.examples.Body",
                    BodyBucket::alloc,
                    BodyBucket::free),
            special(
                    "Particle",
                    ParticleBucket.SIZE,
                    ParticleBucket.ALIGNMENT,
                    "io.gmalloc.examples.Particle",
                    ParticleBucket::alloc,
                    ParticleBucket::free),
            special(
                    "Tiny",
                    TinyBucket.SIZE,
                    TinyBucket.ALIGNMENT,
                    records("Tiny"),
                    TinyBucket::alloc,
                    TinyBucket::free),
            special("Odd", OddBucket.SIZE, OddBucket.ALIGNMENT, records("Odd"), OddBucket::alloc, OddBucket::free),
            special(
                    "Header",
                    HeaderBucket.SIZE,
                    HeaderBucket.ALIGNMENT,
                    records("Header"),
                    HeaderBucket::alloc,
                    HeaderBucket::free),
            special(
                    "Pair (dedicated)",
                    PairBucket.SIZE,
                    PairBucket.ALIGNMENT,
                    records("Pair"),
                    PairBucket::alloc,
                    PairBucket::free),
            general("Mixed", MixedBucket.SIZE, MixedBucket::alloc, MixedBucket::free),
            general("Tagged", TaggedBucket.SIZE, TaggedBucket::alloc, TaggedBucket::free));

    private static String records(String record) {
        return "io.gmalloc.examples.reliability.Records." + record;
    }

    /** A generated class with its own SpecialBucket: errors other than WRONG_BUCKET keep the bucket's prefix. */
    private static Kind special(
            String record, long size, long alignment, String bucketName, LongSupplier alloc, LongConsumer free) {
        return new Kind(
                record + "Bucket (special, " + size + " B)",
                size,
                alignment,
                true,
                "SpecialBucket(" + bucketName + ").free: ",
                alloc,
                free);
    }

    /** A generated class in a general bucket: its free is {@code GMalloc.gfree}. */
    private static Kind general(String record, long size, LongSupplier alloc, LongConsumer free) {
        return new Kind(record + "Bucket (general, " + size + " B)", size, 8, false, "GMalloc.gfree: ", alloc, free);
    }

    @Override
    protected List<Kind> kinds() {
        return KINDS;
    }
}
