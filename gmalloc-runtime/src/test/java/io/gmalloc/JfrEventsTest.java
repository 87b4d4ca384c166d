package io.gmalloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.MemoryAddress;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

class JfrEventsTest {

    @Test
    void invalidFreesAndTrimsAreRecorded() throws Exception {
        Path file = record();
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Files.delete(file);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getEventType().getName()).isEqualTo("io.gmalloc.InvalidFree");
            assertThat(e.getLong("address")).isEqualTo(0x7777_0000L);
            assertThat(e.getString("reason")).isEqualTo("NOT_OWNED");
        });
        assertThat(events)
                .anySatisfy(e -> assertThat(e.getEventType().getName()).isEqualTo("io.gmalloc.Trim"));
    }

    @Test
    void invalidFreeNamesTheCallersFrameAndMarksTheAddressAsOne() throws Exception {
        Path file = record();
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Files.delete(file);
        RecordedEvent event = events.stream()
                .filter(e -> e.getEventType().getName().equals("io.gmalloc.InvalidFree"))
                .findFirst()
                .orElseThrow();
        assertThat(event.getEventType().getField("address").getAnnotation(MemoryAddress.class))
                .isNotNull();
        assertThat(event.getString("caller")).startsWith(JfrEventsTest.class.getName() + ".lambda$record$");
    }

    /** What a user sees: {@code jfr print} shows the address in hex and the caller within its default depth. */
    @Test
    void jfrPrintShowsTheAddressInHexAndTheCaller() throws Exception {
        Path file = record();
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Process process = new ProcessBuilder(
                        jfr.toString(), "print", "--events", "io.gmalloc.InvalidFree", file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Files.delete(file);
        assertThat(output).containsIgnoringCase("address = 0x77770000");
        assertThat(output).contains("caller = \"" + JfrEventsTest.class.getName() + ".lambda$record$");
    }

    private static Path record() throws Exception {
        Path file = Files.createTempFile("gmalloc", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("io.gmalloc.InvalidFree");
            recording.enable("io.gmalloc.Trim");
            recording.start();
            assertThatThrownBy(() -> GMalloc.gfree(0x7777_0000L)).isInstanceOf(InvalidFreeException.class);
            GMalloc.trim();
            recording.stop();
            recording.dump(file);
        }
        return file;
    }
}
