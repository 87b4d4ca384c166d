package io.gmalloc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class MemoryTest {

    @Test
    void zeroClearsExactlyTheRangeForEveryLengthUpTo200() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(256 + 16);
            for (int bytes = 0; bytes <= 200; bytes++) {
                buffer.fill((byte) 0x7F);
                Memory.zero(buffer.address() + 8, bytes);
                for (int i = 0; i < buffer.byteSize(); i++) {
                    byte expected = i >= 8 && i < 8 + bytes ? 0 : (byte) 0x7F;
                    assertThat(buffer.get(ValueLayout.JAVA_BYTE, i))
                            .as("byte %d of a %d-byte zero", i, bytes)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void zeroWordsClearsExactlyEveryGeneralBlockSize() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(512 + 16, 8);
            for (int bytes = 8; bytes <= 512; bytes += 8) {
                buffer.fill((byte) 0x7F);
                Memory.zeroWords(buffer.address() + 8, bytes);
                for (int i = 0; i < buffer.byteSize(); i++) {
                    byte expected = i >= 8 && i < 8 + bytes ? 0 : (byte) 0x7F;
                    assertThat(buffer.get(ValueLayout.JAVA_BYTE, i))
                            .as("byte %d of a %d-byte block", i, bytes)
                            .isEqualTo(expected);
                }
            }
        }
    }
}
