package io.gmalloc.processor.render;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import io.gmalloc.processor.ProcessorRun;
import java.io.File;
import java.io.IOException;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.StructLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compile-and-run tier of the C headers: gcc compiles every header of the test records, alone and all together,
 * with {@code -std=c11 -Wall -Wextra -Werror -pedantic}, and a C program prints the {@code sizeof},
 * {@code _Alignof}, and every member's {@code offsetof} and {@code sizeof} (padding members included); each must
 * equal the generated {@code LAYOUT}. Skipped when gcc is not on the PATH.
 */
class GccHeaderTest {
    private static final List<String> GCC_FLAGS = List.of("-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic");

    /** A member line of a generated struct: type, name, optional array length. */
    private static final Pattern MEMBER = Pattern.compile("^ {4}(\\w+) (\\w+)(?:\\[(\\d+)])?;.*$");

    private static Compilation compilation;
    private static Map<String, String> headers;

    @BeforeAll
    static void compile() {
        compilation = HeaderSources.compile();
        assertThat(compilation).succeeded();
        headers = HeaderSources.headers(compilation);
    }

    @Test
    void everyHeaderCompilesOnItsOwn(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(onPath("gcc"), "gcc is not on the PATH");
        Path include = writeHeaders(dir);
        for (String path : headers.keySet()) {
            Path source = dir.resolve("alone.c");
            // Twice: the include guard must make the second one a no-op.
            Files.writeString(
                    source,
                    "#include \"" + relative(path) + "\"\n#include \"" + relative(path) + "\"\n"
                            + "int main(void) { return 0; }\n");
            run(dir, gcc(include, source, dir.resolve("alone")));
        }
    }

    @Test
    void offsetsAndSizesGccSeesAreThoseOfLayout(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(onPath("gcc"), "gcc is not on the PATH");
        Path include = writeHeaders(dir);
        ClassLoader loader = ProcessorRun.classLoader(compilation);
        StringBuilder c = new StringBuilder("#include <stdio.h>\n");
        for (String path : headers.keySet()) {
            c.append("#include \"").append(relative(path)).append("\"\n");
        }
        c.append("\nint main(void) {\n");
        StringBuilder expected = new StringBuilder();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String type = structName(header.getValue());
            StructLayout layout = layout(loader, HeaderSources.HEADERS.get(header.getKey()));
            c.append("    printf(\"")
                    .append(type)
                    .append(" %zu %zu\\n\", sizeof(")
                    .append(type)
                    .append("), _Alignof(")
                    .append(type)
                    .append("));\n");
            expected.append(type)
                    .append(' ')
                    .append(layout.byteSize())
                    .append(' ')
                    .append(layout.byteAlignment())
                    .append('\n');
            List<String[]> members = members(header.getValue());
            List<MemoryLayout> javaMembers = layout.memberLayouts();
            assertThat(members)
                    .as("%s: C members, padding included, against LAYOUT's", type)
                    .hasSameSizeAs(javaMembers);
            long offset = 0;
            for (int i = 0; i < members.size(); i++) {
                String name = members.get(i)[1];
                MemoryLayout javaMember = javaMembers.get(i);
                if (javaMember instanceof PaddingLayout) {
                    assertThat(name)
                            .as("%s member %d is padding in LAYOUT", type, i)
                            .startsWith("_pad");
                    assertThat(members.get(i)[0]).isEqualTo("uint8_t");
                } else {
                    assertThat(name)
                            .as("%s member %d", type, i)
                            .isEqualTo(
                                    CHeaderRenderer.memberName(javaMember.name().orElseThrow()));
                }
                c.append("    printf(\"")
                        .append(type)
                        .append('.')
                        .append(name)
                        .append(" %zu %zu\\n\", offsetof(")
                        .append(type)
                        .append(", ")
                        .append(name)
                        .append("), sizeof(((")
                        .append(type)
                        .append(" *) 0)->")
                        .append(name)
                        .append("));\n");
                expected.append(type)
                        .append('.')
                        .append(name)
                        .append(' ')
                        .append(offset)
                        .append(' ')
                        .append(javaMember.byteSize())
                        .append('\n');
                offset += javaMember.byteSize();
            }
        }
        c.append("    return 0;\n}\n");
        Path source = dir.resolve("layouts.c");
        Files.writeString(source, c.toString());
        Path binary = dir.resolve("layouts");
        run(dir, gcc(include, source, binary));
        assertThat(run(dir, List.of(binary.toString()))).isEqualTo(expected.toString());
    }

    @Test
    void aStaticAssertFailsWhenTheCLayoutDrifts(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(onPath("gcc"), "gcc is not on the PATH");
        // The guard that matters for native code: change a member type by hand and gcc must refuse the header.
        String vec3 = headers.get("META-INF/gmalloc/include/com/example/Vec3.h");
        assertThat(vec3).contains("    float y;");
        Path header = dir.resolve("Vec3.h");
        Files.writeString(header, vec3.replace("    float y;", "    double y;"));
        Path source = dir.resolve("drift.c");
        Files.writeString(source, "#include \"Vec3.h\"\nint main(void) { return 0; }\n");
        List<String> command = gcc(dir, source, dir.resolve("drift"));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("gcc accepted a drifted header").isNotZero();
        assertThat(output).contains("Vec3.z: offset must match Vec3Bucket.LAYOUT");
    }

    private static Path writeHeaders(Path dir) throws IOException {
        Path include = dir.resolve("include");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            Path file = include.resolve(relative(header.getKey()));
            Files.createDirectories(file.getParent());
            Files.writeString(file, header.getValue());
        }
        return include;
    }

    /** The path below the include root, as C code includes it: {@code com/example/Vec3.h}. */
    private static String relative(String classOutputPath) {
        assertThat(classOutputPath).startsWith(CHeaderRenderer.INCLUDE_ROOT);
        return classOutputPath.substring(CHeaderRenderer.INCLUDE_ROOT.length());
    }

    private static String structName(String header) {
        Matcher typedef = Pattern.compile("(?m)^typedef struct (\\w+) \\{$").matcher(header);
        assertThat(typedef.find()).as("typedef in %s", header).isTrue();
        return typedef.group(1);
    }

    /** Members between the typedef's braces: {type, name, length or null}. */
    private static List<String[]> members(String header) {
        List<String[]> members = new ArrayList<>();
        boolean inside = false;
        for (String line : header.split("\n")) {
            if (line.startsWith("typedef struct ")) {
                inside = true;
            } else if (line.startsWith("} ")) {
                inside = false;
            } else if (inside) {
                Matcher member = MEMBER.matcher(line);
                assertThat(member.matches()).as("member line %s", line).isTrue();
                members.add(new String[] {member.group(1), member.group(2), member.group(3)});
            }
        }
        return members;
    }

    private static StructLayout layout(ClassLoader loader, String bucketClass) {
        try {
            Object layout =
                    Class.forName(bucketClass, true, loader).getField("LAYOUT").get(null);
            assertThat(layout).isInstanceOf(GroupLayout.class);
            return (StructLayout) layout;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(bucketClass + ".LAYOUT", e);
        }
    }

    private static List<String> gcc(Path include, Path source, Path binary) {
        List<String> command = new ArrayList<>(List.of("gcc"));
        command.addAll(GCC_FLAGS);
        command.addAll(List.of("-I", include.toString(), "-o", binary.toString(), source.toString()));
        return command;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("%s finished", command.getFirst())
                .isTrue();
        assertThat(process.exitValue()).as("%s failed: %s", command, output).isZero();
        return output;
    }
}
