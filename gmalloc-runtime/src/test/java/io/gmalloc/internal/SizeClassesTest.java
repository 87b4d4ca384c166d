package io.gmalloc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizeClassesTest {

    @Test
    void everySizeMapsToTheSmallestBucketThatHoldsIt() {
        for (long size = 1; size <= SizeClasses.MAX_SMALL_SIZE; size++) {
            int bucket = SizeClasses.bucket(size);
            assertThat(bucket).isBetween(0, SizeClasses.GENERAL_BUCKETS - 1);
            assertThat(SizeClasses.blockSize(bucket)).isGreaterThanOrEqualTo(size);
            assertThat(SizeClasses.blockSize(bucket) - size).isLessThan(8);
            assertThat(SizeClasses.blockSize(bucket) % 8).isZero();
        }
        assertThat(SizeClasses.GENERAL_BUCKETS).isEqualTo(64);
    }

    @Test
    void isSmallIsExactlyOneTo512() {
        for (long size : new long[] {Long.MIN_VALUE, -513, -1, 0, 513, 1 << 20, Long.MAX_VALUE}) {
            assertThat(SizeClasses.isSmall(size)).as("size %d", size).isFalse();
        }
        for (long size = 1; size <= SizeClasses.MAX_SMALL_SIZE; size++) {
            assertThat(SizeClasses.isSmall(size)).as("size %d", size).isTrue();
        }
    }
}
