package io.gmalloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gmalloc.InvalidFreeException.Reason;
import org.junit.jupiter.api.Test;

/**
 * What is particular to {@code SpecialBucket}: exact-stride placement, per-bucket stats, sharing by name and
 * shape, shape validation, memory use. What every block kind promises (zeroed, aligned, exact-size blocks;
 * WRONG_BUCKET, INTERIOR, DOUBLE_FREE, NOT_OWNED; free of 0) is checked for special buckets of nine strides by
 * {@link io.gmalloc.contract.SpecialBucketContractTest}.
 */
class SpecialBucketTest {

    @Test
    void twelveByteBlocksLieTwelveBytesApart() {
        SpecialBucket bucket = new SpecialBucket("Vec3", 12, 4);
        long[] blocks = new long[10_001];
        long previous = bucket.alloc();
        blocks[0] = previous;
        int jumps = 0;
        for (int i = 0; i < 10_000; i++) {
            long next = bucket.alloc();
            blocks[i + 1] = next;
            if (next - previous != 12) {
                jumps++; // only where a new arena starts
            }
            assertThat(next % 4).isZero();
            previous = next;
        }
        assertThat(jumps).isLessThan(bucket.stats().arenas());
        assertThat(bucket.stats().arenas()).isLessThan(10);
        assertThat(bucket.stats().liveBlocks()).isEqualTo(10_001);
        assertThat(bucket.stats().dedicated()).isTrue();
        assertThat(bucket.stats().blockSize()).isEqualTo(12);
        for (int i = 0; i < blocks.length; i++) {
            if (i % 2 == 0) {
                bucket.free(blocks[i]);
            } else {
                GMalloc.gfree(blocks[i]); // gfree accepts special blocks too
            }
        }
        assertThat(bucket.stats().liveBlocks()).isZero();
    }

    @Test
    void sameNameAndShapeShareOneBucket() {
        SpecialBucket first = new SpecialBucket("shared.Vec3", 12, 4);
        SpecialBucket again = new SpecialBucket("shared.Vec3", 12, 4);
        SpecialBucket otherShape = new SpecialBucket("shared.Vec3", 16, 4);
        int bucketsBefore = GMalloc.stats().buckets().size();
        new SpecialBucket("shared.Vec3", 12, 4);
        assertThat(GMalloc.stats().buckets()).hasSize(bucketsBefore);
        long address = first.alloc();
        again.free(address); // the same bucket: no WRONG_BUCKET
        long other = otherShape.alloc();
        assertThat(catchThrowableOfType(InvalidFreeException.class, () -> first.free(other))
                        .reason())
                .isEqualTo(Reason.WRONG_BUCKET);
        otherShape.free(other);
    }

    @Test
    void rejectsBadShapes() {
        assertThatThrownBy(() -> new SpecialBucket("x", 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stride");
        assertThatThrownBy(() -> new SpecialBucket("x", 65537, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65537");
        assertThatThrownBy(() -> new SpecialBucket("x", 12, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alignment");
        assertThatThrownBy(() -> new SpecialBucket("x", 12, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpecialBucket("x", 32, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpecialBucket(" ", 8, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTwelveByteBucketUsesAboutThreeQuartersOfTheSixteenByteBucket() {
        int count = 2_000_000;
        SpecialBucket bucket = new SpecialBucket("Vec3-memory", 12, 4);
        GMalloc.trim(); // no pooled memory from earlier tests: every byte below is fresh from the OS
        long before = GMalloc.stats().reservedBytes();
        long[] special = new long[count];
        for (int i = 0; i < count; i++) {
            special[i] = bucket.alloc();
        }
        long specialBytes = GMalloc.stats().reservedBytes() - before;
        long[] general = new long[count];
        for (int i = 0; i < count; i++) {
            general[i] = GMalloc.gmalloc(12);
        }
        long generalBytes = GMalloc.stats().reservedBytes() - before - specialBytes;
        assertThat((double) specialBytes / generalBytes).isLessThanOrEqualTo(0.8);
        for (int i = 0; i < count; i++) {
            bucket.free(special[i]);
            GMalloc.gfree(general[i]);
        }
    }
}
