package com.example.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gmalloc.GMalloc;
import io.gmalloc.InvalidAccessException;
import io.gmalloc.InvalidFreeException;
import org.junit.jupiter.api.Test;

/** The generated bucket, as a user's test sees it; surefire runs it in checked mode (see the pom). */
class Vec3BucketTest {

    @Test
    void storesAndLoadsAVec3InTwelveBytes() {
        long p = Vec3Bucket.alloc(new Vec3(1, 2, 3));
        try {
            assertEquals(12, Vec3Bucket.SIZE);
            assertEquals(new Vec3(1, 2, 3), Vec3Bucket.load(p));
            Vec3Bucket.y(p, 9.5f);
            assertEquals(9.5f, Vec3Bucket.y(p));
        } finally {
            Vec3Bucket.free(p);
        }
    }

    @Test
    void aDoubleFreeIsReportedAndChangesNothing() {
        long p = Vec3Bucket.alloc();
        Vec3Bucket.free(p);
        InvalidFreeException e = assertThrows(InvalidFreeException.class, () -> Vec3Bucket.free(p));
        assertEquals(InvalidFreeException.Reason.DOUBLE_FREE, e.reason());
    }

    @Test
    void checkedModeCatchesAReadAfterFree() {
        assertTrue(GMalloc.checkedMode(), "the pom sets -Dgmalloc.checked=true for tests");
        long p = Vec3Bucket.alloc(new Vec3(1, 2, 3));
        Vec3Bucket.free(p);
        assertThrows(InvalidAccessException.class, () -> Vec3Bucket.x(p));
    }
}
