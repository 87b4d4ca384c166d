package io.gmalloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

class JfrEventsTest {

    @Test
    void invalidFreesAndTrimsAreRecorded() throws Exception {
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
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Files.delete(file);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getEventType().getName()).isEqualTo("io.gmalloc.InvalidFree");
            assertThat(e.getLong("address")).isEqualTo(0x7777_0000L);
            assertThat(e.getString("reason")).isEqualTo("NOT_OWNED");
        });
        assertThat(events).anySatisfy(e -> assertThat(e.getEventType().getName()).isEqualTo("io.gmalloc.Trim"));
    }
}
