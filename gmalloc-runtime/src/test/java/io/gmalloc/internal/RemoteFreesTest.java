package io.gmalloc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemoteFreesTest {
    private final PrivateHeap heap = new PrivateHeap("internal.RemoteFreesTest", 16);

    @AfterEach
    void close() {
        heap.close();
    }

    @Test
    void ofTwoClaimsOfOneBlockExactlyOneWinsAndAnUnclaimedBlockCanBeClaimedAgain() {
        RemoteFrees r = new RemoteFrees(128);
        assertThat(r.claim(1, 1L << 3)).isTrue();
        assertThat(r.claim(1, 1L << 3)).isFalse();
        assertThat(r.contains(1, 1L << 3)).isTrue();
        r.unclaim(1, 1L << 3);
        assertThat(r.contains(1, 1L << 3)).isFalse();
        assertThat(r.claim(1, 1L << 3)).isTrue();
        assertThat(r.pending()).as("not published yet").isZero();
    }

    @Test
    void theOwnerDrainsOnlyPublishedClaims() {
        long a = heap.alloc();
        long b = heap.alloc();
        Slab slab = heap.slabOf(a);
        int ia = slab.blockIndex(a);
        int ib = slab.blockIndex(b);
        RemoteFrees r = new RemoteFrees(slab.blockCount);
        r.claim(ia >>> 6, 1L << ia);
        r.publish(ia >>> 6, 1L << ia);
        r.claim(ib >>> 6, 1L << ib); // still in its freeing thread
        assertThat(r.drainInto(slab)).isEqualTo(1);
        assertThat(slab.freeBits[ia >>> 6] & 1L << ia).isNotZero();
        assertThat(slab.freeBits[ib >>> 6] & 1L << ib)
                .as("unpublished: not freed")
                .isZero();
        assertThat(r.contains(ib >>> 6, 1L << ib)).isTrue();
        heap.live.remove(a); // a current slab keeps no count: nothing to account for (reclaim does, when not current)
    }

    @Test
    void aClaimOfABlockTheOwnerFreedTooIsCountedOnceNotFreedTwice() {
        long a = heap.alloc();
        heap.alloc();
        Slab slab = heap.slabOf(a);
        int ia = slab.blockIndex(a);
        heap.free(a); // the owner's free: in L
        RemoteFrees r = new RemoteFrees(slab.blockCount);
        r.claim(ia >>> 6, 1L << ia); // a racing remote free that missed the owner's plain write
        r.publish(ia >>> 6, 1L << ia);
        long invalid = Errors.invalidFrees();
        assertThat(r.drainInto(slab)).as("no block freed a second time").isZero();
        assertThat(slab.freeBits[ia >>> 6] & 1L << ia).as("still only in L").isZero();
        assertThat(Errors.invalidFrees() - invalid)
                .as("not while the drain runs")
                .isZero();
        int used = slab.used();
        assertThat(slab.reclaim()).isTrue();
        assertThat(Errors.invalidFrees() - invalid)
                .as("the duplicate is counted once the state is whole")
                .isEqualTo(1);
        assertThat(slab.used()).as("freed once").isEqualTo(used);
        heap.assertConsistent();
    }
}
