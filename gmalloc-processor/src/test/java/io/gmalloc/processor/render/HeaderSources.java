package io.gmalloc.processor.render;

import com.google.testing.compile.Compilation;
import io.gmalloc.processor.ProcessorRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;

/** The annotated types whose C headers the header tests check, and the headers one compilation writes. */
final class HeaderSources {
    private HeaderSources() {}

    /** The golden records plus records that exercise packages, member types and C keywords. */
    static final String[] SOURCES = {
        "good/com/example/Vec3.java", "good/com/example/Padded.java", "good/com/example/Particle.java",
        "good/com/example/Tick.java", "good/com/example/Body.java", "header/com/example/geo/Point.java",
        "header/com/example/Outer.java", "header/com/example/shapes/Segment.java", "header/com/example/Keywords.java",
        "good/com/example/Side.java", "good/com/example/Order.java", "good/com/example/Wire.java",
        "good/com/example/Level.java", "good/com/example/Book.java", "good/com/example/Quote.java",
        "good/com/example/Many.java", "good/com/example/Coded.java", "good/com/example/Counter.java"
    };

    /** Each header the sources produce (class-output path) and the generated class whose LAYOUT it mirrors. */
    static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("META-INF/gmalloc/include/com/example/Vec3.h", "com.example.Vec3Bucket"),
            Map.entry("META-INF/gmalloc/include/com/example/Padded.h", "com.example.PaddedBucket"),
            Map.entry("META-INF/gmalloc/include/com/example/Particle.h", "com.example.ParticleBucket"),
            Map.entry("META-INF/gmalloc/include/com/example/Tick.h", "com.example.Ticks"),
            Map.entry("META-INF/gmalloc/include/com/example/Body.h", "com.example.BodyBucket"),
            Map.entry("META-INF/gmalloc/include/com/example/geo/Point.h", "com.example.geo.PointBucket"),
            Map.entry("META-INF/gmalloc/include/com/example/Outer_Inner.h", "com.example.InnerBucket"),
            Map.entry("META-INF/gmalloc/include/com/example/shapes/Segment.h", "com.example.shapes.SegmentBucket"),
            Map.entry("META-INF/gmalloc/include/com/example/Keywords.h", "com.example.KeywordsBucket"),
            // The struct vocabulary: Order has every kind (string, enum, arrays of primitives and of records,
            // big-endian, atomics), Wire is big-endian throughout, Book nests arrays of records with strings.
            Map.entry("META-INF/gmalloc/include/com/example/Order.h", "com.example.OrderBucket"),
            Map.entry("META-INF/gmalloc/include/com/example/Wire.h", "com.example.WireBucket"),
            Map.entry("META-INF/gmalloc/include/com/example/Level.h", "com.example.LevelBucket"),
            Map.entry("META-INF/gmalloc/include/com/example/Book.h", "com.example.BookBucket"),
            Map.entry("META-INF/gmalloc/include/com/example/Quote.h", "com.example.QuoteBucket"),
            Map.entry("META-INF/gmalloc/include/com/example/Coded.h", "com.example.CodedBucket"),
            Map.entry("META-INF/gmalloc/include/com/example/Counter.h", "com.example.CounterBucket"));

    /**
     * Collects the headers a compilation wrote.
     *
     * @param compilation a successful compilation of {@link #SOURCES}
     * @return header text by class-output path, sorted
     */
    static Map<String, String> headers(Compilation compilation) {
        Map<String, String> headers = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            String path = file.toUri().getPath();
            int root = path.indexOf("/CLASS_OUTPUT/");
            if (root < 0 || !path.endsWith(".h")) {
                continue;
            }
            try {
                headers.put(
                        path.substring(root + "/CLASS_OUTPUT/".length()),
                        file.getCharContent(false).toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return headers;
    }

    static Compilation compile() {
        return ProcessorRun.compile(ProcessorRun.sources(SOURCES));
    }
}
