package io.gmalloc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's GC section: both storages run the same workload and end with the same data. */
class GcDemoTest {

    @Test
    void heapAndGmallocRowsComputeTheSameChecksum() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GcDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 10_000, 100_000);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        String heap = lines.stream()
                .filter(l -> l.startsWith("records on the heap"))
                .findFirst()
                .orElseThrow();
        String gmalloc = lines.stream()
                .filter(l -> l.startsWith("records in gmalloc"))
                .findFirst()
                .orElseThrow();
        String[] h = heap.trim().split("\\s+");
        String[] g = gmalloc.trim().split("\\s+");
        assertThat(g[g.length - 1]).isEqualTo(h[h.length - 1]); // checksum: same arithmetic on the same data
        assertThat(Long.parseLong(g[g.length - 3])).isGreaterThanOrEqualTo(0); // collections
    }
}
