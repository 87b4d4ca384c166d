package io.gmalloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gmalloc.InvalidFreeException.Reason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecialBucketTest {

    @Test
    void twelveByteBlocksLieTwelveBytesApart() {
        SpecialBucket bucket = new SpecialBucket("Vec3", 12, 4);
        long previous = bucket.alloc();
        int jumps = 0;
        for (int i = 0; i < 10_000; i++) {
            long next = bucket.alloc();
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
    }

    @ParameterizedTest
    @CsvSource({"1,1", "3,1", "6,2", "12,4", "20,4", "24,8", "100,4", "4096,8", "65536,8"})
    void blocksAreZeroedAlignedAndExactlyOneStrideLong(long stride, long alignment) {
        SpecialBucket bucket = new SpecialBucket("s" + stride, stride, alignment);
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long address = bucket.alloc();
            assertThat(address % alignment).isZero();
            assertThat(GMalloc.usableSize(address)).isEqualTo(stride);
            assertThat(Blocks.firstNonZero(address, stride)).isEqualTo(-1);
            Blocks.fill(address, stride);
            blocks.add(address);
        }
        for (long address : blocks) {
            assertThat(Blocks.firstCorrupt(address, stride)).isEqualTo(-1);
        }
        for (int i = 0; i < blocks.size(); i++) {
            if (i % 2 == 0) {
                bucket.free(blocks.get(i));
            } else {
                GMalloc.gfree(blocks.get(i)); // gfree accepts special blocks too
            }
        }
        assertThat(bucket.stats().liveBlocks()).isZero();
    }

    @Test
    void freeOfAnotherBucketsBlockIsWrongBucketAndChangesNothing() {
        SpecialBucket twelve = new SpecialBucket("twelve", 12, 4);
        SpecialBucket twenty = new SpecialBucket("twenty", 20, 4);
        long general = GMalloc.gmalloc(16);
        long other = twenty.alloc();
        long large = GMalloc.gmalloc(2000);
        for (long address : new long[] {general, other, large}) {
            InvalidFreeException e = catchThrowableOfType(InvalidFreeException.class, () -> twelve.free(address));
            assertThat(e.reason()).isEqualTo(Reason.WRONG_BUCKET);
            assertThat(e.address()).isEqualTo(address);
        }
        GMalloc.gfree(general);
        twenty.free(other);
        GMalloc.gfree(large);
    }

    @Test
    void invalidFreesOfSpecialBlocksAreReported() {
        SpecialBucket bucket = new SpecialBucket("v", 12, 4);
        long address = bucket.alloc();
        assertThat(catchThrowableOfType(InvalidFreeException.class, () -> bucket.free(address + 4)).reason())
                .isEqualTo(Reason.INTERIOR);
        bucket.free(address);
        assertThat(catchThrowableOfType(InvalidFreeException.class, () -> bucket.free(address)).reason())
                .isEqualTo(Reason.DOUBLE_FREE);
        assertThat(catchThrowableOfType(InvalidFreeException.class, () -> bucket.free(0xdead0000L)).reason())
                .isEqualTo(Reason.NOT_OWNED);
        bucket.free(0); // like free(NULL)
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
        assertThat(catchThrowableOfType(InvalidFreeException.class, () -> first.free(other)).reason())
                .isEqualTo(Reason.WRONG_BUCKET);
        otherShape.free(other);
    }

    @Test
    void rejectsBadShapes() {
        assertThatThrownBy(() -> new SpecialBucket("x", 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stride");
        assertThatThrownBy(() -> new SpecialBucket("x", 65537, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65537");
        assertThatThrownBy(() -> new SpecialBucket("x", 12, 8)).isInstanceOf(IllegalArgumentException.class)
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
