package io.gmalloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class ObservabilityTest {

    @Test
    void statsCountLiveBlocksAndBytesPerBucket() {
        GMallocStats before = GMalloc.stats();
        long a = GMalloc.gmalloc(8);
        long b = GMalloc.gmalloc(100);
        long c = GMalloc.gmalloc(5000);
        GMallocStats during = GMalloc.stats();
        assertThat(during.liveBlocks() - before.liveBlocks()).isEqualTo(3);
        assertThat(during.liveBytes() - before.liveBytes()).isEqualTo(8 + 104 + GMalloc.usableSize(c));
        assertThat(during.largeAllocations() - before.largeAllocations()).isEqualTo(1);
        assertThat(during.buckets()).hasSizeGreaterThanOrEqualTo(64);
        assertThat(during.buckets().get(0).blockSize()).isEqualTo(8);
        assertThat(during.buckets().get(63).blockSize()).isEqualTo(512);
        assertThat(during.buckets().get(12).liveBlocks()
                        - before.buckets().get(12).liveBlocks())
                .isEqualTo(1);
        assertThat(during.committedBytes()).isLessThanOrEqualTo(during.reservedBytes());
        assertThat(during.liveBytes()).isLessThanOrEqualTo(during.committedBytes());
        GMalloc.gfree(a);
        GMalloc.gfree(b);
        GMalloc.gfree(c);
        assertThat(GMalloc.stats().liveBlocks()).isEqualTo(before.liveBlocks());
        assertThatThrownBy(() -> during.buckets().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eightByteBlocksCarryNoHeaderAndUnderThreePercentOverhead() {
        GMalloc.trim();
        long before = GMalloc.stats().reservedBytes();
        long[] first = new long[1_000_000];
        for (int i = 0; i < first.length; i++) {
            first[i] = GMalloc.gmalloc(8);
        }
        long afterFirst = GMalloc.stats().reservedBytes();
        long[] more = new long[16_000_000];
        int adjacent = 0;
        for (int i = 0; i < more.length; i++) {
            more[i] = GMalloc.gmalloc(8);
            if (i > 0 && more[i] - more[i - 1] == 8) {
                adjacent++;
            }
        }
        long afterMore = GMalloc.stats().reservedBytes();
        // Blocks are packed: consecutive allocations sit 8 bytes apart except where a new arena starts.
        assertThat(adjacent).isGreaterThan(more.length - 100);
        // Marginal reserved memory per 8-byte block: 8 bytes plus at most 3% (no header, no per-block metadata
        // off-heap; the free bitmap lives on the Java heap).
        double perBlock = (double) (afterMore - afterFirst) / more.length;
        assertThat(perBlock).isBetween(8.0 * 0.97, 8.0 * 1.03);
        assertThat(afterFirst).isGreaterThan(before);
        for (long address : first) {
            GMalloc.gfree(address);
        }
        for (long address : more) {
            GMalloc.gfree(address);
        }
        GMalloc.trim();
    }

    @Test
    void trimReportsEveryByteItGivesBack() {
        GMalloc.trim();
        long[] blocks = new long[3_000_000];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = GMalloc.gmalloc(8 + (i % 64) * 8); // every bucket
        }
        for (long b : blocks) {
            GMalloc.gfree(b);
        }
        long reserved = GMalloc.stats().reservedBytes();
        long released = GMalloc.trim();
        assertThat(released).isPositive();
        assertThat(GMalloc.stats().reservedBytes()).isEqualTo(reserved - released);
    }

    @Test
    void mxBeanExposesTheSameFigures() throws Exception {
        ObjectName name = GMallocMXBean.register();
        assertThat(GMallocMXBean.register()).isEqualTo(name);
        var server = ManagementFactory.getPlatformMBeanServer();
        long address = GMalloc.gmalloc(64);
        long live = (Long) server.getAttribute(name, "LiveBlocks");
        assertThat(live).isEqualTo(GMalloc.stats().liveBlocks());
        assertThat((Long) server.getAttribute(name, "ReservedBytes")).isPositive();
        assertThat((Integer) server.getAttribute(name, "Heaps")).isPositive();
        GMalloc.gfree(address);
        assertThat((Long) server.getAttribute(name, "LiveBlocks")).isEqualTo(live - 1);
    }

    @Test
    void checkAccessAcceptsLiveBlocksAndRejectsTheRest() {
        long address = GMalloc.gmalloc(24);
        GMalloc.checkAccess(address, 24);
        GMalloc.checkAccess(address + 8, 16);
        assertThatThrownBy(() -> GMalloc.checkAccess(address + 8, 17))
                .isInstanceOf(InvalidAccessException.class)
                .hasMessageContaining("past the end");
        assertThatThrownBy(() -> GMalloc.checkAccess(0x1234, 4)).isInstanceOf(InvalidAccessException.class);
        long large = GMalloc.gmalloc(4000);
        GMalloc.checkAccess(large + 100, 3900);
        assertThatThrownBy(() -> GMalloc.checkAccess(large + 100, 3901)).isInstanceOf(InvalidAccessException.class);
        GMalloc.gfree(large);
        GMalloc.gfree(address);
        InvalidAccessException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                InvalidAccessException.class, () -> GMalloc.checkAccess(address, 8));
        assertThat(e.address()).isEqualTo(address);
        assertThat(e.bytes()).isEqualTo(8);
        assertThat(e).hasMessageContaining("freed");
    }
}
