package io.gmalloc.processor.validate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.gmalloc.processor.ProcessorRun;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every error and warning of docs/design.md §4: its id, its kind, the file and the line holding the offending token, and
 * that nothing is generated for a type with an error. Messages are matched by id only, so rewording breaks nothing.
 */
class DiagnosticsTest {

    private static JavaFileObject bad(String name) {
        return ProcessorRun.sources("bad/com/example/" + name + ".java")[0];
    }

    private static String id(Problem diagnostic) {
        return "[" + diagnostic.id() + "]";
    }

    @Test
    void rejectsClassesAnnotationTypesAndEnums() {
        JavaFileObject file = bad("NotARecord");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(3);
        for (String line :
                new String[] {"final class NotARecord", "@interface NotARecordEither", "enum NotARecordAtAll"}) {
            assertThat(compilation)
                    .hadErrorContaining(id(Problem.NOT_RECORD))
                    .inFile(file)
                    .onLineContaining(line);
        }
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void rejectsGenericRecordOnItsTypeParameter() {
        JavaFileObject file = bad("Generic");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(id(Problem.GENERIC_RECORD))
                .inFile(file)
                .onLineContaining("record Generic<T>");
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void rejectsEachUnsupportedComponentOnItsOwnLine() {
        JavaFileObject file = bad("Unsupported");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(5);
        assertThat(compilation)
                .hadErrorContaining(id(Problem.STRING_WITHOUT_UTF8))
                .inFile(file)
                .onLineContaining("String name");
        assertThat(compilation)
                .hadErrorContaining(id(Problem.BOXED_COMPONENT) + " component 'boxed'")
                .inFile(file)
                .onLineContaining("Integer boxed");
        assertThat(compilation).hadErrorContaining("use the primitive int instead");
        assertThat(compilation)
                .hadErrorContaining(id(Problem.UNSUPPORTED_COMPONENT))
                .inFile(file)
                .onLineContaining("Object anything");
        assertThat(compilation)
                .hadErrorContaining(id(Problem.ARRAY_WITHOUT_LENGTH))
                .inFile(file)
                .onLineContaining("long[] samples");
        assertThat(compilation).hadErrorContaining("@Length(n) (C: int64_t samples[n])");
        assertThat(compilation)
                .hadErrorContaining(id(Problem.PLAIN_RECORD_COMPONENT))
                .inFile(file)
                .onLineContaining("PlainPoint point");
        assertThat(compilation).hadErrorContaining("annotate record PlainPoint with @GMallocBucket");
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void rejectsNestingCyclesOnTheComponentThatCloses() {
        JavaFileObject file = bad("Cycle");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation)
                .hadErrorContaining(id(Problem.NESTING_CYCLE))
                .inFile(file)
                .onLineContaining("record Node(int value, Node next)");
        assertThat(compilation)
                .hadErrorContaining("Ping.pong -> Pong.ping -> Ping")
                .inFile(file)
                .onLineContaining("record Ping(int n, Pong pong)");
        assertThat(compilation)
                .hadErrorContaining("Pong.ping -> Ping.pong -> Pong")
                .inFile(file)
                .onLineContaining("record Pong(int n, Ping ping)");
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void rejectsRecordsTheGeneratedClassCannotSee() {
        JavaFileObject file = bad("NotAccessible");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining(id(Problem.NOT_ACCESSIBLE))
                .inFile(file)
                .onLineContaining("private record Hidden");
        assertThat(compilation)
                .hadErrorContaining("inside private Secret")
                .inFile(file)
                .onLineContaining("record Inside");
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void rejectsEmptyRecord() {
        JavaFileObject file = bad("Empty");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(id(Problem.EMPTY_RECORD))
                .inFile(file)
                .onLineContaining("record Empty()");
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void rejectsGeneratedNamesThatAreTaken() {
        JavaFileObject file = bad("NameClash");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation)
                .hadErrorContaining(id(Problem.NAME_CLASH))
                .inFile(file)
                .onLineContaining("record Taken(int x)");
        assertThat(compilation)
                .hadErrorContaining("com.example.NameClash")
                .inFile(file)
                .onLineContaining("name = \"NameClash\"");
        assertThat(compilation)
                .hadErrorContaining("another @GMallocBucket record")
                .inFile(file)
                .onLineContaining("record Second");
        assertThat(run.generated()).containsExactly("com.example.Shared"); // First claimed it
    }

    @Test
    void rejectsInvalidNamesOnTheNameValue() {
        JavaFileObject file = bad("InvalidName");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(3);
        for (String line : new String[] {"\"com.example.Dotted\"", "\"class\"", "\"9Lives\""}) {
            assertThat(compilation)
                    .hadErrorContaining(id(Problem.INVALID_NAME))
                    .inFile(file)
                    .onLineContaining(line);
        }
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void rejectsComponentsWhoseAccessorsWouldClash() {
        JavaFileObject file = bad("ComponentNameClash");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(4);
        for (String component : new String[] {"'free'", "'load'", "'atAddress'", "'allocArray'"}) {
            assertThat(compilation)
                    .hadErrorContaining(id(Problem.COMPONENT_NAME_CLASH) + " component " + component)
                    .inFile(file)
                    .onLineContaining("record Reserved");
        }
    }

    @Test
    void rejectsComponentOfANestedRecordWithErrors() {
        JavaFileObject file = bad("NestedInvalid");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining(id(Problem.STRING_WITHOUT_UTF8))
                .inFile(file)
                .onLineContaining("record Broken(String label)");
        assertThat(compilation)
                .hadErrorContaining(id(Problem.NESTED_INVALID))
                .inFile(file)
                .onLineContaining("record UsesBroken");
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void warnsAboveSixtyFourKibAndAllocatesFromTheSystem() throws IOException {
        JavaFileObject file = bad("TooLarge");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).succeeded();
        assertThat(compilation.warnings()).hasSize(1);
        assertThat(compilation)
                .hadWarningContaining(id(Problem.TOO_LARGE))
                .inFile(file)
                .onLineContaining("record Huge(");
        assertThat(compilation).hadWarningContaining("65544 bytes");
        String huge = compilation
                .generatedSourceFile("com.example.HugeBucket")
                .orElseThrow()
                .getCharContent(false)
                .toString();
        assertThat(huge).contains("return GMalloc.gmalloc(SIZE);").doesNotContain("SpecialBucket");
        String exact = compilation
                .generatedSourceFile("com.example.SixtyFourKiloBucket")
                .orElseThrow()
                .getCharContent(false)
                .toString();
        assertThat(exact).contains("public static final long SIZE = 65536L;").contains("new SpecialBucket(");
        String general = compilation
                .generatedSourceFile("com.example.HalfKiloBucket")
                .orElseThrow()
                .getCharContent(false)
                .toString();
        assertThat(general).contains("return GMalloc.gmalloc(SIZE);").doesNotContain("SpecialBucket");
    }

    @Test
    void oneBadTypeDoesNotStopTheOthers() {
        JavaFileObject file = bad("BadAndGood");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining(id(Problem.STRING_WITHOUT_UTF8))
                .inFile(file)
                .onLineContaining("record BadOne");
        assertThat(compilation)
                .hadErrorContaining(id(Problem.EMPTY_RECORD))
                .inFile(file)
                .onLineContaining("record BadTwo");
        assertThat(run.generated()).containsExactly("com.example.GoodOneBucket");
    }

    @Test
    void rejectsInterfacesThatAreNotGetterSetterPairs() {
        JavaFileObject file = bad("BadInterface");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(7);
        assertThat(compilation)
                .hadErrorContaining(id(Problem.GETTER_WITHOUT_SETTER) + " getter count() has no setter")
                .inFile(file)
                .onLineContaining("int count();");
        assertThat(compilation)
                .hadErrorContaining(id(Problem.INTERFACE_METHOD) + " method sum is neither")
                .inFile(file)
                .onLineContaining("int sum(int a, int b);");
        assertThat(compilation)
                .hadErrorContaining(id(Problem.GETTER_WITHOUT_SETTER) + " getter y() has no setter")
                .inFile(file)
                .onLineContaining("int y();");
        assertThat(compilation)
                .hadErrorContaining(id(Problem.SETTER_WITHOUT_GETTER) + " setter y(long)")
                .inFile(file)
                .onLineContaining("void y(long value);");
        assertThat(compilation)
                .hadErrorContaining(id(Problem.INTERFACE_EXTENDS) + " interface Extends extends")
                .inFile(file)
                .onLineContaining("interface Extends extends Runnable");
        assertThat(compilation)
                .hadErrorContaining(id(Problem.COMPONENT_NAME_CLASH) + " component 'address'")
                .inFile(file)
                .onLineContaining("long address();");
        assertThat(compilation)
                .hadErrorContaining(id(Problem.EMPTY_RECORD) + " interface NoPairs")
                .inFile(file)
                .onLineContaining("interface NoPairs");
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void rejectsEachBadVocabularyCombinationOnItsComponent() {
        JavaFileObject file = bad("BadVocabulary");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        String[][] expected = {
            {"@Length(4) int notArray", id(Problem.LENGTH_NOT_ARRAY) + " component 'notArray'"},
            {"@Utf8(8) long notString", id(Problem.UTF8_NOT_STRING) + " component 'notString'"},
            {"@Length(0) int[] zeroLength", id(Problem.SIZE_NOT_POSITIVE) + " component 'zeroLength' has @Length(0)"},
            {"@Utf8(-1) String negativeUtf8", id(Problem.SIZE_NOT_POSITIVE) + " component 'negativeUtf8' has @Utf8(-1)"
            },
            {"@BigEndian @Atomic int bigAtomic", id(Problem.BIG_ENDIAN_WITH_ATOMIC) + " component 'bigAtomic'"},
            {"int[] noLength", id(Problem.ARRAY_WITHOUT_LENGTH) + " component 'noLength'"},
            {"@Atomic short smallAtomic", id(Problem.ATOMIC_NOT_INT_OR_LONG) + " component 'smallAtomic'"},
            {"@Atomic double floatingAtomic", id(Problem.ATOMIC_NOT_INT_OR_LONG) + " component 'floatingAtomic'"},
            {"@BigEndian byte oneByte", id(Problem.BIG_ENDIAN_NOT_MULTIBYTE) + " component 'oneByte'"},
            {"@Length(2) String[] strings", id(Problem.UNSUPPORTED_ARRAY_ELEMENT) + " component 'strings'"},
            {"@Length(2) Color[] colors", id(Problem.UNSUPPORTED_ARRAY_ELEMENT) + " component 'colors'"},
            {
                "record BigAtomic(int a, @Atomic long counter)",
                id(Problem.BIG_ENDIAN_WITH_ATOMIC) + " component 'counter'"
            },
            {"record UsesSecret(Secret secret)", id(Problem.NESTED_INVALID) + " component 'secret'"},
            {"record SameConstant(", id(Problem.LENGTH_CONSTANT_CLASH) + " component 'foo_bar'"},
        };
        for (String[] row : expected) {
            assertThat(compilation).hadErrorContaining(row[1]).inFile(file).onLineContaining(row[0]);
        }
        assertThat(compilation).hadErrorCount(expected.length);
        assertThat(compilation).hadErrorContaining("make it public");
        assertThat(run.generated()).containsExactly("com.example.StillGeneratedBucket");
    }

    @Test
    void everyDiagnosticHasAUniqueBracketedId() {
        assertThat(java.util.Arrays.stream(Problem.values()).map(Problem::id).distinct())
                .hasSize(Problem.values().length);
        for (Problem diagnostic : Problem.values()) {
            assertThat(diagnostic.id()).startsWith("GMallocBucket").doesNotContain(" ");
        }
        assertThat(Problem.EMPTY_RECORD.format("record", "E")).startsWith("[GMallocBucketEmptyRecord] record E ");
    }
}
