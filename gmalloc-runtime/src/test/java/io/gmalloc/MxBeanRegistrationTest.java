package io.gmalloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** {@code -Dgmalloc.jmx=true} registers the bean on gmalloc's first use, whatever the entry point. */
class MxBeanRegistrationTest {

    /** Touches gmalloc only through a {@link SpecialBucket}; prints whether the bean is registered before and after. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("io.gmalloc:type=GMalloc");
            System.out.println("before=" + server.isRegistered(name));
            SpecialBucket bucket = new SpecialBucket("test.Twelve", 12, 4);
            long address = bucket.alloc();
            GMallocMXBean bean = JMX.newMXBeanProxy(server, name, GMallocMXBean.class);
            System.out.println("after=" + server.isRegistered(name) + " live=" + bean.getLiveBlocks());
            bucket.free(address);
        }
    }

    @Test
    void registersOnFirstUseThroughASpecialBucket() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-Dgmalloc.jmx=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Child.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("before=false").contains("after=true live=1");
    }
}
