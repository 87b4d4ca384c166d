package io.gmalloc.processor.render;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated C headers equal the golden files under {@code src/test/resources/golden/META-INF/gmalloc/include}.
 * Never edited by hand: {@code -Dgolden.update=true} rewrites them from the processor's output (as for
 * {@code GoldenSourceTest}); review the diff.
 */
class GoldenHeaderTest {
    private static Compilation compilation;
    private static Map<String, String> headers;

    @BeforeAll
    static void compile() {
        compilation = HeaderSources.compile();
        headers = HeaderSources.headers(compilation);
    }

    static Stream<String> headerPaths() {
        return HeaderSources.HEADERS.keySet().stream().sorted();
    }

    @Test
    void writesOneHeaderPerAnnotatedTypeAndNoWarning() {
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(headers.keySet()).containsExactlyInAnyOrderElementsOf(HeaderSources.HEADERS.keySet());
    }

    @ParameterizedTest
    @MethodSource("headerPaths")
    void generatesGoldenHeader(String path) throws IOException {
        String actual = headers.get(path);
        assertThat(actual).as("header %s", path).isNotNull();
        if (Boolean.getBoolean("golden.update")) {
            Path file = Path.of(System.getProperty("golden.dir")).resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        String resource = "golden/" + path;
        try (InputStream in = GoldenHeaderTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in)
                    .as("golden file %s (create it with -Dgolden.update=true)", resource)
                    .isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void nestedTypesAreIncludedByTheirPathRelativeToTheIncludingHeader() {
        assertThat(headers.get("META-INF/gmalloc/include/com/example/shapes/Segment.h"))
                .contains("#include \"../Outer_Inner.h\"\n#include \"../geo/Point.h\"\n");
        assertThat(headers.get("META-INF/gmalloc/include/com/example/Particle.h"))
                .contains("#include \"Vec3.h\"\n");
    }

    @Test
    void outputIsDeterministic() {
        assertThat(HeaderSources.headers(HeaderSources.compile())).isEqualTo(headers);
    }
}
