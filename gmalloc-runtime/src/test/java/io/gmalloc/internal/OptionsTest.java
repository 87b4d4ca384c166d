package io.gmalloc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionsTest {

    @ParameterizedTest
    @CsvSource({"1048576,1048576", "64k,65536", "64K,65536", "512m,536870912", "2g,2147483648", " 3m ,3145728",
        "1t,1099511627776"})
    void parsesByteCountsWithSuffixes(String raw, long expected) {
        assertThat(Options.parseBytes("gmalloc.maxBytes", raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "abc", "12q", "m", "99999999999999999999", "9000000000000g"})
    void rejectsWhatIsNotAPositiveByteCount(String raw) {
        assertThatThrownBy(() -> Options.parseBytes("gmalloc.maxBytes", raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dgmalloc.maxBytes=" + raw);
    }
}
