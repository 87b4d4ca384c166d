package io.gmalloc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gmalloc.GMalloc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionsTest {

    @ParameterizedTest
    @CsvSource({
        "1048576,1048576",
        "64k,65536",
        "64K,65536",
        "512m,536870912",
        "2g,2147483648",
        " 3m ,3145728",
        "1t,1099511627776"
    })
    void parsesByteCountsWithSuffixes(String raw, long expected) {
        assertThat(Options.parseBytes("gmalloc.maxBytes", raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"0", "-5", "abc", "12q", "m", "99999999999999999999", "9000000000000g", "+5", "512mb", "3 m"})
    void rejectsWhatIsNotAPositiveByteCount(String raw) {
        assertThatThrownBy(() -> Options.parseBytes("gmalloc.maxBytes", raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dgmalloc.maxBytes=" + raw)
                .hasMessageContaining("positive byte count");
    }

    @ParameterizedTest
    @CsvSource({"true,true", "TRUE,true", "True,true", " true ,true", "false,false", "FALSE,false"})
    void parsesFlagsCaseInsensitively(String raw, boolean expected) {
        assertThat(Options.parseFlag("gmalloc.checked", raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "1", "0", "on", "ture", "t"})
    void rejectsFlagsOtherThanTrueOrFalse(String raw) {
        assertThatThrownBy(() -> Options.parseFlag("gmalloc.checked", raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dgmalloc.checked=" + raw + " is not a flag: use true or false");
    }

    @ParameterizedTest
    @CsvSource({"1,1", "4,4", "1024,1024", " 8 ,8"})
    void parsesPlainCounts(String raw, long expected) {
        assertThat(Options.parseCount("gmalloc.stripes", raw, 1, 1024)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4k", "0", "-1", "1025", "2.5", "+4", "four", "99999999999999999999"})
    void rejectsCountsOutOfRangeOrWithSuffixes(String raw) {
        assertThatThrownBy(() -> Options.parseCount("gmalloc.stripes", raw, 1, 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dgmalloc.stripes=" + raw
                        + " is not a count from 1 to 1024 (a plain decimal integer; no suffix such as k)");
    }

    @Test
    void defaultsHoldInTheTestJvm() {
        assertThat(Options.MAX_BYTES).isEqualTo(Long.MAX_VALUE);
        assertThat(Options.RETAIN_BYTES).isEqualTo(64L << 20);
        assertThat(Options.STRIPES).isBetween(2, 1024);
        assertThat(Options.HUGE_PAGES).isFalse();
        assertThat(Options.JMX).isFalse();
        assertThat(Options.TRACK_SITES).isFalse();
        assertThat(Options.SITE_SAMPLING).isEqualTo(1024);
        assertThat(Options.SITE_FRAMES).isEqualTo(4);
    }

    /** Prints the options a child JVM parsed. */
    public static final class Child {
        public static void main(String[] args) {
            GMalloc.gfree(GMalloc.gmalloc(8)); // first use reads the options
            System.out.println("checked=" + Options.CHECKED + " maxBytes=" + Options.MAX_BYTES + " retainBytes="
                    + Options.RETAIN_BYTES + " stripes=" + Options.STRIPES + " hugePages=" + Options.HUGE_PAGES
                    + " jmx=" + Options.JMX + " trackSites=" + Options.TRACK_SITES + " leakReport="
                    + Options.LEAK_REPORT + " siteSampling=" + Options.SITE_SAMPLING + " siteFrames="
                    + Options.SITE_FRAMES);
        }
    }

    /** Each property, set on the command line, is read by its own parser (one child JVM for all good values). */
    @Test
    void everyPropertyIsReadByItsParser() throws Exception {
        Result result = runChild(
                "-Dgmalloc.checked=TRUE",
                "-Dgmalloc.maxBytes=1g",
                "-Dgmalloc.retainBytes=8m",
                "-Dgmalloc.stripes=3",
                "-Dgmalloc.hugePages=TRUE",
                "-Dgmalloc.jmx=true",
                "-Dgmalloc.trackSites=true",
                "-Dgmalloc.siteSampling=16",
                "-Dgmalloc.siteFrames=2");
        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output)
                .contains("checked=true maxBytes=1073741824 retainBytes=8388608 stripes=3"
                        + " hugePages=true jmx=true trackSites=true leakReport=false siteSampling=16 siteFrames=2");
    }

    /** A bad value fails gmalloc's first use with a message that names the property and what it accepts. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "-Dgmalloc.checked=yes|-Dgmalloc.checked=yes is not a flag: use true or false",
                "-Dgmalloc.hugePages=off|-Dgmalloc.hugePages=off is not a flag: use true or false",
                "-Dgmalloc.jmx=1|-Dgmalloc.jmx=1 is not a flag: use true or false",
                "-Dgmalloc.trackSites=on|-Dgmalloc.trackSites=on is not a flag: use true or false",
                "-Dgmalloc.leakReport=y|-Dgmalloc.leakReport=y is not a flag: use true or false",
                "-Dgmalloc.maxBytes=512mb|-Dgmalloc.maxBytes=512mb is not a positive byte count",
                "-Dgmalloc.retainBytes=-1|-Dgmalloc.retainBytes=-1 is not a positive byte count",
                "-Dgmalloc.stripes=4k|-Dgmalloc.stripes=4k is not a count from 1 to 1024",
                "-Dgmalloc.siteSampling=100|-Dgmalloc.siteSampling=100 is not a power of two",
                "-Dgmalloc.siteFrames=0|-Dgmalloc.siteFrames=0 is not a count from 1 to 64"
            })
    void badValuesFailFirstUseNamingTheProperty(String property, String message) throws Exception {
        Result result = runChild(property);
        assertThat(result.exit).as(result.output).isNotZero();
        assertThat(result.output).contains("IllegalArgumentException: " + message);
    }

    private record Result(int exit, String output) {}

    private static Result runChild(String... properties) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Xshare:auto");
        command.addAll(List.of(properties));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
