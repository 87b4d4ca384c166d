package io.gmalloc;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * gmalloc's figures for JMX consoles (JConsole, VisualVM, Prometheus' JMX exporter): the totals of
 * {@link GMalloc#stats()} as attributes of {@code io.gmalloc:type=GMalloc}. Register it once with
 * {@link #register()}, or start the JVM with {@code -Dgmalloc.jmx=true} to have it registered on gmalloc's
 * first use: when the {@code GMalloc}, {@code SpecialBucket} or {@code Region} class (or a generated bucket) is
 * first used, not at JVM start-up. Reading it from the same JVM:
 *
 * <pre>{@code
 * MBeanServer server = ManagementFactory.getPlatformMBeanServer();
 * GMallocMXBean bean = JMX.newMXBeanProxy(server, new ObjectName(GMallocMXBean.OBJECT_NAME), GMallocMXBean.class);
 * long live = bean.getLiveBytes();
 * }</pre>
 *
 * From outside, {@code jconsole <pid>} shows it under the MBeans tab, domain {@code io.gmalloc}.
 */
public interface GMallocMXBean {

    /** The name the bean is registered under. */
    String OBJECT_NAME = "io.gmalloc:type=GMalloc";

    /**
     * Returns {@link GMallocStats#reservedBytes()}.
     *
     * @return bytes reserved from the OS
     */
    long getReservedBytes();

    /**
     * Returns {@link GMallocStats#committedBytes()}.
     *
     * @return bytes touched
     */
    long getCommittedBytes();

    /**
     * Returns {@link GMallocStats#liveBytes()}.
     *
     * @return usable bytes of live blocks
     */
    long getLiveBytes();

    /**
     * Returns {@link GMallocStats#liveBlocks()}.
     *
     * @return live blocks
     */
    long getLiveBlocks();

    /**
     * Returns {@link GMallocStats#largeAllocations()}.
     *
     * @return live blocks above 512 bytes
     */
    long getLargeAllocations();

    /**
     * Returns {@link GMallocStats#invalidFrees()}.
     *
     * @return invalid frees so far
     */
    long getInvalidFrees();

    /**
     * Returns {@link GMallocStats#heaps()}.
     *
     * @return heaps in use (open regions included)
     */
    int getHeaps();

    /**
     * Gives empty arenas back to the OS, as {@link GMalloc#trim()}.
     *
     * @return bytes given back
     */
    long trim();

    /**
     * Registers the bean with the platform MBean server under {@link #OBJECT_NAME}, once; later calls do nothing.
     *
     * @return the bean's name
     * @throws IllegalStateException if the MBean server refuses the registration
     */
    static ObjectName register() {
        try {
            ObjectName name = new ObjectName(OBJECT_NAME);
            var server = ManagementFactory.getPlatformMBeanServer();
            synchronized (GMallocMXBean.class) {
                if (!server.isRegistered(name)) {
                    server.registerMBean(snapshotView(), name);
                }
            }
            return name;
        } catch (JMException e) {
            throw new IllegalStateException("gmalloc: cannot register " + OBJECT_NAME, e);
        }
    }

    /**
     * The registered bean: each attribute read takes a fresh {@link GMalloc#stats()} snapshot (JMX polls seldom,
     * the fast path pays nothing). Defined here, so the interface and its only implementation are one unit.
     */
    private static GMallocMXBean snapshotView() {
        return new GMallocMXBean() {
            @Override
            public long getReservedBytes() {
                return GMalloc.stats().reservedBytes();
            }

            @Override
            public long getCommittedBytes() {
                return GMalloc.stats().committedBytes();
            }

            @Override
            public long getLiveBytes() {
                return GMalloc.stats().liveBytes();
            }

            @Override
            public long getLiveBlocks() {
                return GMalloc.stats().liveBlocks();
            }

            @Override
            public long getLargeAllocations() {
                return GMalloc.stats().largeAllocations();
            }

            @Override
            public long getInvalidFrees() {
                return GMalloc.stats().invalidFrees();
            }

            @Override
            public int getHeaps() {
                return GMalloc.stats().heaps();
            }

            @Override
            public long trim() {
                return GMalloc.trim();
            }
        };
    }
}
