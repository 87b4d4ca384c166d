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
        "header/com/example/Outer.java", "header/com/example/shapes/Segment.java", "header/com/example/Keywords.java"
    };

    /** Each header the sources produce (class-output path) and the generated class whose LAYOUT it mirrors. */
    static final Map<String, String> HEADERS = Map.of(
            "META-INF/gmalloc/include/com/example/Vec3.h", "com.example.Vec3Bucket",
            "META-INF/gmalloc/include/com/example/Padded.h", "com.example.PaddedBucket",
            "META-INF/gmalloc/include/com/example/Particle.h", "com.example.ParticleBucket",
            "META-INF/gmalloc/include/com/example/Tick.h", "com.example.Ticks",
            "META-INF/gmalloc/include/com/example/Body.h", "com.example.BodyBucket",
            "META-INF/gmalloc/include/com/example/geo/Point.h", "com.example.geo.PointBucket",
            "META-INF/gmalloc/include/com/example/Outer_Inner.h", "com.example.InnerBucket",
            "META-INF/gmalloc/include/com/example/shapes/Segment.h", "com.example.shapes.SegmentBucket",
            "META-INF/gmalloc/include/com/example/Keywords.h", "com.example.KeywordsBucket");

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
                headers.put(path.substring(root + "/CLASS_OUTPUT/".length()), file.getCharContent(false).toString());
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
