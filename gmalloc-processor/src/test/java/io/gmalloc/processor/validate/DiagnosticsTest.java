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

    private static String id(Diagnostic diagnostic) {
        return "[" + diagnostic.id() + "]";
    }

    @Test
    void rejectsClassesAnnotationTypesAndEnums() {
        JavaFileObject file = bad("NotARecord");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(3);
        for (String line : new String[] {"final class NotARecord", "@interface NotARecordEither", "enum NotARecordAtAll"}) {
            assertThat(compilation).hadErrorContaining(id(Diagnostic.NOT_RECORD)).inFile(file).onLineContaining(line);
        }
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void rejectsGenericRecordOnItsTypeParameter() {
        JavaFileObject file = bad("Generic");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(id(Diagnostic.GENERIC_RECORD)).inFile(file)
                .onLineContaining("record Generic<T>");
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void rejectsEachUnsupportedComponentOnItsOwnLine() {
        JavaFileObject file = bad("Unsupported");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(6);
        for (String line : new String[] {
            "String name", "Integer boxed", "Object anything", "long[] samples", "PlainPoint point", "TimeUnit unit"
        }) {
            assertThat(compilation).hadErrorContaining(id(Diagnostic.UNSUPPORTED_COMPONENT)).inFile(file)
                    .onLineContaining(line);
        }
        assertThat(compilation).hadErrorContaining("use the primitive int instead");
        assertThat(compilation).hadErrorContaining("annotate record PlainPoint with @GMallocBucket");
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void rejectsNestingCyclesOnTheComponentThatCloses() {
        JavaFileObject file = bad("Cycle");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining(id(Diagnostic.NESTING_CYCLE)).inFile(file)
                .onLineContaining("record Node(int value, Node next)");
        assertThat(compilation).hadErrorContaining("Ping.pong -> Pong.ping -> Ping").inFile(file)
                .onLineContaining("record Ping(int n, Pong pong)");
        assertThat(compilation).hadErrorContaining("Pong.ping -> Ping.pong -> Pong").inFile(file)
                .onLineContaining("record Pong(int n, Ping ping)");
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void rejectsRecordsTheGeneratedClassCannotSee() {
        JavaFileObject file = bad("NotAccessible");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(id(Diagnostic.NOT_ACCESSIBLE)).inFile(file)
                .onLineContaining("private record Hidden");
        assertThat(compilation).hadErrorContaining("inside private Secret").inFile(file)
                .onLineContaining("record Inside");
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void rejectsEmptyRecord() {
        JavaFileObject file = bad("Empty");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(id(Diagnostic.EMPTY_RECORD)).inFile(file)
                .onLineContaining("record Empty()");
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void rejectsGeneratedNamesThatAreTaken() {
        JavaFileObject file = bad("NameClash");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining(id(Diagnostic.NAME_CLASH)).inFile(file)
                .onLineContaining("record Taken(int x)");
        assertThat(compilation).hadErrorContaining("com.example.NameClash").inFile(file)
                .onLineContaining("name = \"NameClash\"");
        assertThat(compilation).hadErrorContaining("another @GMallocBucket record").inFile(file)
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
            assertThat(compilation).hadErrorContaining(id(Diagnostic.INVALID_NAME)).inFile(file)
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
            assertThat(compilation).hadErrorContaining(id(Diagnostic.COMPONENT_NAME_CLASH) + " component " + component)
                    .inFile(file).onLineContaining("record Reserved");
        }
    }

    @Test
    void rejectsComponentOfANestedRecordWithErrors() {
        JavaFileObject file = bad("NestedInvalid");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(id(Diagnostic.UNSUPPORTED_COMPONENT)).inFile(file)
                .onLineContaining("record Broken(String label)");
        assertThat(compilation).hadErrorContaining(id(Diagnostic.NESTED_INVALID)).inFile(file)
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
        assertThat(compilation).hadWarningContaining(id(Diagnostic.TOO_LARGE)).inFile(file)
                .onLineContaining("record Huge(");
        assertThat(compilation).hadWarningContaining("65544 bytes");
        String huge = compilation.generatedSourceFile("com.example.HugeBucket").orElseThrow()
                .getCharContent(false).toString();
        assertThat(huge).contains("return GMalloc.gmalloc(SIZE);").doesNotContain("SpecialBucket");
        String exact = compilation.generatedSourceFile("com.example.SixtyFourKiloBucket").orElseThrow()
                .getCharContent(false).toString();
        assertThat(exact).contains("public static final long SIZE = 65536L;").contains("new SpecialBucket(");
        String general = compilation.generatedSourceFile("com.example.HalfKiloBucket").orElseThrow()
                .getCharContent(false).toString();
        assertThat(general).contains("return GMalloc.gmalloc(SIZE);").doesNotContain("SpecialBucket");
    }

    @Test
    void oneBadTypeDoesNotStopTheOthers() {
        JavaFileObject file = bad("BadAndGood");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(id(Diagnostic.UNSUPPORTED_COMPONENT)).inFile(file)
                .onLineContaining("record BadOne");
        assertThat(compilation).hadErrorContaining(id(Diagnostic.EMPTY_RECORD)).inFile(file)
                .onLineContaining("record BadTwo");
        assertThat(run.generated()).containsExactly("com.example.GoodOneBucket");
    }

    @Test
    void rejectsInterfacesThatAreNotGetterSetterPairs() {
        JavaFileObject file = bad("BadInterface");
        ProcessorRun.Run run = ProcessorRun.compileRecording(file);
        Compilation compilation = run.compilation();
        assertThat(compilation).hadErrorCount(7);
        String id = id(Diagnostic.INTERFACE_METHOD);
        assertThat(compilation).hadErrorContaining(id + " getter count() has no setter").inFile(file)
                .onLineContaining("int count();");
        assertThat(compilation).hadErrorContaining(id + " method sum is neither").inFile(file)
                .onLineContaining("int sum(int a, int b);");
        assertThat(compilation).hadErrorContaining(id + " getter y() has no setter").inFile(file)
                .onLineContaining("int y();");
        assertThat(compilation).hadErrorContaining(id + " setter y(long)").inFile(file)
                .onLineContaining("void y(long value);");
        assertThat(compilation).hadErrorContaining(id + " interface Extends extends").inFile(file)
                .onLineContaining("interface Extends extends Runnable");
        assertThat(compilation).hadErrorContaining(id(Diagnostic.COMPONENT_NAME_CLASH) + " component 'address'")
                .inFile(file).onLineContaining("long address();");
        assertThat(compilation).hadErrorContaining(id(Diagnostic.EMPTY_RECORD) + " interface NoPairs").inFile(file)
                .onLineContaining("interface NoPairs");
        assertThat(run.generated()).isEmpty();
    }

    @Test
    void everyDiagnosticHasAUniqueBracketedId() {
        assertThat(java.util.Arrays.stream(Diagnostic.values()).map(Diagnostic::id).distinct())
                .hasSize(Diagnostic.values().length);
        for (Diagnostic diagnostic : Diagnostic.values()) {
            assertThat(diagnostic.id()).startsWith("GMallocBucket").doesNotContain(" ");
        }
        assertThat(Diagnostic.EMPTY_RECORD.format("record", "E")).startsWith("[GMallocBucketEmptyRecord] record E ");
    }
}
