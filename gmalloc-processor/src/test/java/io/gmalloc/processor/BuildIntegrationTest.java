package io.gmalloc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the processor behaves inside real builds: stale output on the class path, and named modules. */
class BuildIntegrationTest {
    private static final JavaFileObject VEC3 = ProcessorRun.sources("good/com/example/Vec3.java")[0];

    @Test
    void regeneratesOverItsOwnPreviousOutputOnTheClassPath(@TempDir Path previous) throws IOException {
        Compilation first = ProcessorRun.compile(VEC3);
        assertThat(first).succeeded();
        writeClasses(first, previous);

        Compilation again = javac().withProcessors(new GMallocBucketProcessor())
                .withClasspath(classPathPlus(previous))
                .compile(VEC3);
        assertThat(again).succeededWithoutWarnings();
        assertThat(again).generatedSourceFile("com.example.Vec3Bucket").isNotNull();
    }

    @Test
    void reportsAClashWithAnUnrelatedTypeOnTheClassPath(@TempDir Path previous) throws IOException {
        Compilation other = javac().compile(JavaFileObjects.forSourceString(
                "com.example.Vec3Bucket", "package com.example; public class Vec3Bucket {}"));
        assertThat(other).succeeded();
        writeClasses(other, previous);

        Compilation clash = javac().withProcessors(new GMallocBucketProcessor())
                .withClasspath(classPathPlus(previous))
                .compile(VEC3);
        assertThat(clash)
                .hadErrorContaining("[GMallocBucketNameClash]")
                .inFile(VEC3)
                .onLineContaining("record Vec3");
    }

    @Test
    void strictClassPathBuildHasNoWarning(@TempDir Path dir) throws IOException {
        List<Diagnostic<? extends JavaFileObject>> diagnostics = compileStrict(dir, null, classPathJars());
        assertThat(diagnostics).as("%s", diagnostics).isEmpty();
        assertThat(Files.readString(dir.resolve("generated/com/example/PointBucket.java")))
                .contains("import io.gmalloc.annotations.Generated;")
                .contains("@Generated(")
                .doesNotContain("javax.annotation.processing");
        assertThat(dir.resolve("classes/META-INF/gmalloc/include/com/example/Point.h"))
                .as("the C header goes to the class output, into the jar")
                .exists();
    }

    @Test
    void strictModuleBuildWithoutJavaCompilerHasNoWarning(@TempDir Path dir) throws IOException {
        List<Diagnostic<? extends JavaFileObject>> diagnostics = compileStrict(
                dir, "module m { requires static io.gmalloc.annotations; requires io.gmalloc.runtime; }", null);
        assertThat(diagnostics).as("%s", diagnostics).isEmpty();
        assertThat(Files.readString(dir.resolve("generated/com/example/PointBucket.java")))
                .contains("@Generated(")
                .contains("public final class PointBucket");
    }

    @Test
    void claimsGmallocsAnnotationsAndNoOthers() {
        // A package, not "*": other processors still see every other annotation.
        assertThat(new GMallocBucketProcessor().getSupportedAnnotationTypes())
                .containsExactly("io.gmalloc.annotations.*");
    }

    @Test
    void strictBuildBesideAnotherAnnotationStillWarnsAboutThatOne() {
        // Proof that the processor claims by package only: an unrelated annotation stays unclaimed, and javac's
        // processing lint still names it (and only it).
        Compilation compilation = javac().withProcessors(new GMallocBucketProcessor())
                .withOptions("-Xlint:all")
                .compile(
                        VEC3,
                        JavaFileObjects.forSourceString("com.other.Mark", """
                        package com.other;

                        @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)
                        public @interface Mark {}
                        """),
                        JavaFileObjects.forSourceString("com.other.Marked", """
                        package com.other;

                        @Mark
                        public class Marked {}
                        """));
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("com.other.Mark");
        assertThat(compilation.warnings().getFirst().getMessage(null)).doesNotContain("io.gmalloc");
    }

    /**
     * Compiles {@code Point} the way a user's strict build does, {@code -Xlint:all -Werror}, with the system javac
     * on real files (compile-testing's in-memory files cannot hold a module), and returns every diagnostic.
     *
     * @param moduleInfo a module declaration to compile on the module path, or {@code null} for the class path
     * @param classPath the class path for a class-path build, else {@code null}
     */
    private static List<Diagnostic<? extends JavaFileObject>> compileStrict(
            Path dir, String moduleInfo, String classPath) throws IOException {
        Path src = dir.resolve("src");
        Path point = src.resolve("com/example/Point.java");
        Files.createDirectories(point.getParent());
        Files.writeString(point, """
                package com.example;

                import io.gmalloc.annotations.Atomic;
                import io.gmalloc.annotations.BigEndian;
                import io.gmalloc.annotations.GMallocBucket;
                import io.gmalloc.annotations.Length;
                import io.gmalloc.annotations.Utf8;

                /** Uses the whole vocabulary, whose annotations the processor must claim too. */
                @GMallocBucket
                public record Point(int x, int y, @Utf8(8) String label, @Length(2) short[] tags, @Atomic long hits,
                        @BigEndian int seq, java.util.concurrent.TimeUnit unit) {}
                """);
        List<Path> sources = new ArrayList<>(List.of(point));
        List<String> options = new ArrayList<>(List.of("-Xlint:all", "-Werror"));
        if (moduleInfo != null) {
            Files.writeString(src.resolve("module-info.java"), moduleInfo);
            sources.add(src.resolve("module-info.java"));
            options.addAll(List.of("--module-path", classPathJars()));
        } else {
            options.addAll(List.of("-classpath", classPath));
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path generated = Files.createDirectories(dir.resolve("generated"));
        options.addAll(List.of("-d", classes.toString(), "-s", generated.toString()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            JavaCompiler.CompilationTask task =
                    javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
            task.setProcessors(List.of(new GMallocBucketProcessor()));
            assertThat(task.call()).as("%s", diagnostics.getDiagnostics()).isTrue();
        }
        return diagnostics.getDiagnostics();
    }

    /** The annotations and runtime classes of this build, as a user project would have them. */
    private static String classPathJars() {
        return String.join(
                File.pathSeparator,
                classPath().stream()
                        .filter(f -> f.getPath().contains("gmalloc-annotations")
                                || f.getPath().contains("gmalloc-runtime"))
                        .map(File::getPath)
                        .toList());
    }

    private static void writeClasses(Compilation compilation, Path directory) throws IOException {
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            String relative = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length());
            if (!relative.endsWith("Bucket.class")) {
                continue; // only the generated class, as a stale build would leave it
            }
            Path target = directory.resolve(relative);
            Files.createDirectories(target.getParent());
            try (InputStream in = file.openInputStream()) {
                Files.write(target, in.readAllBytes());
            }
        }
    }

    private static List<File> classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(File::new)
                .toList();
    }

    private static List<File> classPathPlus(Path directory) {
        List<File> files = new ArrayList<>(classPath());
        files.add(directory.toFile());
        return files;
    }
}
