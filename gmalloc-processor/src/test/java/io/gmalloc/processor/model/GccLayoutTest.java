package io.gmalloc.processor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the same structs with gcc and compares sizeof, _Alignof and offsetof with the model. Skipped when gcc is
 * not on the PATH.
 */
class GccLayoutTest {

    /** A C struct described like a record: members are primitive kinds or earlier structs. */
    private record CStruct(String name, Map<String, Object> members) {}

    private static CStruct struct(String name, Object... nameAndType) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < nameAndType.length; i += 2) {
            members.put((String) nameAndType[i], nameAndType[i + 1]);
        }
        return new CStruct(name, members);
    }

    private static final CStruct VEC3 =
            struct("Vec3", "x", FieldKind.FLOAT, "y", FieldKind.FLOAT, "z", FieldKind.FLOAT);
    private static final CStruct TINY = struct("Tiny", "c", FieldKind.CHAR, "flag", FieldKind.BOOLEAN);
    private static final List<CStruct> STRUCTS = List.of(
            VEC3,
            TINY,
            struct(
                    "Padded",
                    "flag",
                    FieldKind.BYTE,
                    "id",
                    FieldKind.LONG,
                    "kind",
                    FieldKind.SHORT,
                    "alive",
                    FieldKind.BOOLEAN,
                    "tag",
                    FieldKind.CHAR,
                    "weight",
                    FieldKind.DOUBLE,
                    "count",
                    FieldKind.INT),
            struct("Particle", "pos", VEC3, "vel", VEC3, "mass", FieldKind.FLOAT),
            struct("Mixed", "b", FieldKind.BYTE, "t", TINY, "d", FieldKind.DOUBLE, "t2", TINY),
            struct("Wide", "f", FieldKind.FLOAT, "l", FieldKind.LONG, "s", FieldKind.SHORT),
            struct(
                    "Vocabulary",
                    "name",
                    utf8(5),
                    "side",
                    enumOf(2),
                    "longs",
                    array(FieldKind.LONG, 3),
                    "code",
                    enumOf(300),
                    "shorts",
                    array(FieldKind.SHORT, 3),
                    "flags",
                    array(FieldKind.BOOLEAN, 5),
                    "tail",
                    utf8(1)),
            struct(
                    "Arrays",
                    "b",
                    FieldKind.BYTE,
                    "corners",
                    new ArrayOf(VEC3, 2),
                    "x",
                    FieldKind.INT,
                    "tinies",
                    new ArrayOf(TINY, 3),
                    "c",
                    array(FieldKind.CHAR, 1)));

    /** An array of an earlier struct, {@code struct S name[n]}. */
    private record ArrayOf(CStruct element, int length) {}

    private static FieldType utf8(int n) {
        return new FieldType(FieldKind.UTF8, null, null, n, false, false);
    }

    private static FieldType enumOf(int constants) {
        return new FieldType(
                FieldKind.ENUM, null, new EnumModel(new RecordRef("c", List.of("E")), constants), 0, false, false);
    }

    private static FieldType array(FieldKind kind, int n) {
        return new FieldType(kind, null, null, n, false, false);
    }

    @Test
    void modelLayoutEqualsGcc(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(onPath("gcc"), "gcc is not on the PATH");
        Map<String, StructModel> models = new LinkedHashMap<>();
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include <stdint.h>\n");
        StringBuilder main = new StringBuilder("int main(void) {\n");
        StringBuilder expected = new StringBuilder();
        for (CStruct s : STRUCTS) {
            List<StructModel.Declared> fields = new ArrayList<>();
            c.append("struct ").append(s.name()).append(" {");
            for (Map.Entry<String, Object> member : s.members().entrySet()) {
                if (member.getValue() instanceof FieldKind kind) {
                    fields.add(new StructModel.Declared(member.getKey(), FieldType.primitive(kind)));
                    c.append(' ').append(kind.cName());
                } else if (member.getValue() instanceof FieldType type) {
                    fields.add(new StructModel.Declared(member.getKey(), type));
                    c.append(' ')
                            .append(type.cElementType())
                            .append(' ')
                            .append(member.getKey())
                            .append(type.length() > 0 ? "[" + type.length() + "];" : ";");
                    continue;
                } else if (member.getValue() instanceof ArrayOf(CStruct element, int length)) {
                    StructModel nested = models.get(element.name());
                    fields.add(new StructModel.Declared(
                            member.getKey(), new FieldType(FieldKind.STRUCT, nested, null, length, false, false)));
                    c.append(" struct ")
                            .append(element.name())
                            .append(' ')
                            .append(member.getKey())
                            .append('[')
                            .append(length)
                            .append("];");
                    continue;
                } else {
                    CStruct nested = (CStruct) member.getValue();
                    fields.add(new StructModel.Declared(member.getKey(), FieldType.struct(models.get(nested.name()))));
                    c.append(" struct ").append(nested.name());
                }
                c.append(' ').append(member.getKey()).append(';');
            }
            c.append(" };\n");
            StructModel model = StructModel.place(new RecordRef("c", List.of(s.name())), fields);
            models.put(s.name(), model);
            main.append("  printf(\"%s %zu %zu\", \"")
                    .append(s.name())
                    .append("\", sizeof(struct ")
                    .append(s.name())
                    .append("), _Alignof(struct ")
                    .append(s.name())
                    .append("));\n");
            expected.append(s.name())
                    .append(' ')
                    .append(model.sizeBytes())
                    .append(' ')
                    .append(model.alignment());
            for (FieldModel field : model.fields()) {
                main.append("  printf(\" %zu\", offsetof(struct ")
                        .append(s.name())
                        .append(", ")
                        .append(field.name())
                        .append("));\n");
                expected.append(' ').append(field.offsetBytes());
            }
            main.append("  printf(\"\\n\");\n");
            expected.append('\n');
        }
        main.append("  return 0;\n}\n");
        Path source = dir.resolve("layout.c");
        Files.writeString(source, c.append(main).toString());
        Path binary = dir.resolve("layout");
        run(dir, "gcc", "-std=c11", "-o", binary.toString(), source.toString());
        String actual = run(dir, binary.toString());
        assertThat(actual).isEqualTo(expected.toString());
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("%s finished", command[0])
                .isTrue();
        assertThat(process.exitValue()).as("%s failed: %s", command[0], output).isZero();
        return output;
    }
}
