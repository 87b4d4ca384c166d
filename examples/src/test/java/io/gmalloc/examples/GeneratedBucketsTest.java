package io.gmalloc.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gmalloc.GMalloc;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.Region;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.foreign.MemoryLayout.PathElement;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The classes the real build generated for the example records really allocate, store and read back. */
class GeneratedBucketsTest {

    @Test
    void vec3IsTwelveBytesInItsOwnBucket() {
        assertThat(Vec3Bucket.SIZE).isEqualTo(12).isEqualTo(Vec3Bucket.LAYOUT.byteSize());
        assertThat(Vec3Bucket.ALIGNMENT).isEqualTo(4);
        long a = Vec3Bucket.alloc(new Vec3(1, 2, 3));
        long b = Vec3Bucket.alloc();
        try {
            assertThat(Vec3Bucket.load(a)).isEqualTo(new Vec3(1, 2, 3));
            assertThat(Vec3Bucket.load(b)).isEqualTo(new Vec3(0, 0, 0));
            Vec3Bucket.y(b, 5f);
            assertThat(Vec3Bucket.y(b)).isEqualTo(5f);
            assertThat(Math.abs(b - a)).as("blocks never overlap").isGreaterThanOrEqualTo(12);
        } finally {
            Vec3Bucket.free(a);
            Vec3Bucket.free(b);
        }
    }

    @Test
    void structsLiveInARegionUntilItCloses() {
        long first;
        try (Region region = Region.open()) {
            first = Vec3Bucket.alloc(region, new Vec3(1, 2, 3));
            long second = Vec3Bucket.alloc(region);
            long particle = ParticleBucket.alloc(region, new Particle(new Vec3(1, 1, 1), new Vec3(2, 2, 2), 3));
            long array = Vec3Bucket.allocArray(region, 10);
            assertThat(second - first)
                    .as("a region's Vec3 arena keeps the 12-byte stride")
                    .isEqualTo(12);
            assertThat(Vec3Bucket.load(first)).isEqualTo(new Vec3(1, 2, 3));
            assertThat(ParticleBucket.mass(particle)).isEqualTo(3f);
            Vec3Bucket.z(Vec3Bucket.elementAddress(array, 9), 4f);
            assertThat(Vec3Bucket.z(Vec3Bucket.elementAddress(array, 9))).isEqualTo(4f);
            Vec3Bucket.free(second); // early free
            assertThat(region.liveBlocks()).isEqualTo(3);
        }
        long closed = first;
        assertThat(catchThrowableOfType(InvalidFreeException.class, () -> Vec3Bucket.free(closed))
                        .reason())
                .isEqualTo(InvalidFreeException.Reason.NOT_OWNED);
    }

    @Test
    void particleInlinesTwoVectors() {
        assertThat(ParticleBucket.SIZE).isEqualTo(28);
        assertThat(ParticleBucket.LAYOUT.byteOffset(PathElement.groupElement("vel"), PathElement.groupElement("z")))
                .isEqualTo(20);
        Particle value = new Particle(new Vec3(1, 2, 3), new Vec3(4, 5, 6), 7);
        long p = ParticleBucket.alloc(value);
        try {
            assertThat(ParticleBucket.load(p)).isEqualTo(value);
            Vec3Bucket.x(ParticleBucket.velAddress(p), -4f);
            assertThat(ParticleBucket.vel(p)).isEqualTo(new Vec3(-4, 5, 6));
            ParticleBucket.pos(p, new Vec3(9, 9, 9));
            assertThat(Vec3Bucket.load(ParticleBucket.posAddress(p))).isEqualTo(new Vec3(9, 9, 9));
            assertThat(ParticleBucket.segment(p).byteSize()).isEqualTo(28);
            assertThat(GMalloc.usableSize(p)).isEqualTo(28);
        } finally {
            ParticleBucket.free(p);
        }
    }

    @Test
    void bodyFlyweightImplementsTheInterface() {
        assertThat(BodyBucket.SIZE).isEqualTo(20);
        long b = BodyBucket.alloc();
        try {
            Body body = BodyBucket.ref(b);
            body.mass(2f);
            body.pos(new Vec3(1, 2, 3));
            assertThat(BodyBucket.mass(b)).isEqualTo(2f);
            assertThat(body.weight()).isEqualTo(2f * 9.81f);
            assertThat(Vec3Bucket.load(BodyBucket.posAddress(b))).isEqualTo(new Vec3(1, 2, 3));
            assertThat(body.active()).isFalse();
        } finally {
            BodyBucket.free(b);
        }
    }

    @Test
    void demoRunsAtSmallSize() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 20_000, 5_000, 2, 20_000);
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(report)
                .contains("Java heap records (Vec3[])")
                .contains("gmalloc general 16 B bucket")
                .contains("Vec3Bucket (special, 12 B)")
                .contains("particle simulation")
                .contains("after trim()");
    }
}
