package io.gmalloc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated source for representative records equals the golden files under {@code src/test/resources/golden}.
 * Golden files are never edited by hand: run {@code ./mvnw -pl gmalloc-processor verify -Dgolden.update=true} to
 * rewrite them from the processor's output, then review the diff.
 */
class GoldenSourceTest {
    static final String[] GOOD = {
        "good/com/example/Vec3.java",
        "good/com/example/Padded.java",
        "good/com/example/Particle.java",
        "good/com/example/Tick.java",
        "good/com/example/Body.java",
        "good/com/example/Side.java",
        "good/com/example/Order.java",
        "good/com/example/Wire.java",
        "good/com/example/Level.java",
        "good/com/example/Book.java",
        "good/com/example/Quote.java",
        "good/com/example/Many.java",
        "good/com/example/Coded.java"
    };

    private static Compilation compilation;

    @BeforeAll
    static void compileGoodRecords() {
        compilation = ProcessorRun.compile(ProcessorRun.sources(GOOD));
    }

    @Test
    void compilesWithoutWarningsUnderXlintAll() {
        assertThat(compilation).succeededWithoutWarnings();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Vec3Bucket",
                "PaddedBucket",
                "ParticleBucket",
                "Ticks",
                "BodyBucket",
                "OrderBucket",
                "WireBucket",
                "LevelBucket",
                "BookBucket",
                "QuoteBucket",
                "CodedBucket"
            })
    void generatesGoldenSource(String generatedName) throws IOException {
        String actual = compilation
                .generatedSourceFile("com.example." + generatedName)
                .orElseThrow(() -> new AssertionError(generatedName + " was not generated"))
                .getCharContent(false)
                .toString();
        String resource = "golden/com/example/" + generatedName + ".java";
        if (Boolean.getBoolean("golden.update")) {
            Path file = Path.of(System.getProperty("golden.dir"), "com", "example", generatedName + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        String golden;
        try (InputStream in = GoldenSourceTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in)
                    .as("golden file %s (create it with -Dgolden.update=true)", resource)
                    .isNotNull();
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(golden);
        assertThat(compilation)
                .generatedSourceFile("com.example." + generatedName)
                .hasSourceEquivalentTo(JavaFileObjects.forSourceString("com.example." + generatedName, golden));
    }

    @Test
    void outputIsDeterministic() throws IOException {
        Compilation again = ProcessorRun.compile(ProcessorRun.sources(GOOD));
        List<JavaFileObject> first = compilation.generatedSourceFiles();
        List<JavaFileObject> second = again.generatedSourceFiles();
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).getCharContent(false).toString())
                    .isEqualTo(first.get(i).getCharContent(false).toString());
        }
    }
}
