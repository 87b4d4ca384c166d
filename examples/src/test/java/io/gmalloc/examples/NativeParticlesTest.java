package io.gmalloc.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds {@code src/main/c/particles.c} with gcc against the {@code Particle.h} this build generated, and runs it
 * on particles Java wrote through {@code ParticleBucket}: C reads what Java wrote and Java reads what C wrote.
 * Skipped when gcc is not on the PATH.
 */
class NativeParticlesTest {
    private static final String HEADER = "META-INF/gmalloc/include/io/gmalloc/examples/Particle.h";

    @TempDir
    static Path build;

    private static NativeParticles c;

    @BeforeAll
    static void buildLibrary() throws IOException, InterruptedException, URISyntaxException {
        assumeTrue(onPath("gcc"), "gcc is not on the PATH");
        URL header = NativeParticlesTest.class.getClassLoader().getResource(HEADER);
        assertThat(header)
                .as("the processor wrote %s into the class output", HEADER)
                .isNotNull();
        Path file = Path.of(header.toURI());
        Path include = file.getRoot().resolve(file.subpath(0, file.getNameCount() - 4)); // strip io/gmalloc/examples/
        Path source = Path.of(System.getProperty("examples.c.dir", "src/main/c"), "particles.c");
        Path library = build.resolve("libparticles.so");
        run(List.of(
                "gcc",
                "-std=c11",
                "-Wall",
                "-Wextra",
                "-Werror",
                "-pedantic",
                "-O2",
                "-shared",
                "-fPIC",
                "-I",
                include.toString(),
                "-o",
                library.toString(),
                source.toString()));
        c = NativeParticles.load(library);
    }

    @Test
    void cReadsWhatJavaWrote() {
        long particles = ParticleBucket.allocArray(3);
        try {
            for (int i = 0; i < 3; i++) {
                ParticleBucket.store(
                        ParticleBucket.elementAddress(particles, i),
                        new Particle(new Vec3(i, 2 * i, -i), new Vec3(1, i, 0.5f), 2 + i));
            }
            assertThat(c.format(ParticleBucket.elementAddress(particles, 2)))
                    .isEqualTo("pos=(2, 4, -2) vel=(1, 2, 0.5) mass=4");
            // 1/2 m |v|^2 per particle: 2 * 1.25 / 2, 3 * 2.25 / 2, 4 * 5.25 / 2; exact in binary.
            assertThat(c.kineticEnergy(particles, 3)).isEqualTo(1.25 + 3.375 + 10.5);
        } finally {
            ParticleBucket.freeArray(particles);
        }
    }

    @Test
    void javaReadsWhatCWrote() {
        long particles = ParticleBucket.allocArray(4);
        try {
            for (int i = 0; i < 4; i++) {
                ParticleBucket.store(
                        ParticleBucket.elementAddress(particles, i),
                        new Particle(new Vec3(0, 0, i), new Vec3(2, -4, i), 1));
            }
            c.step(particles, 3, 0.5f); // the fourth particle is outside the range C may touch
            for (int i = 0; i < 3; i++) {
                long p = ParticleBucket.elementAddress(particles, i);
                assertThat(ParticleBucket.pos(p)).isEqualTo(new Vec3(1, -2, i + 0.5f * i));
                assertThat(ParticleBucket.vel(p)).isEqualTo(new Vec3(2, -4, i));
                assertThat(ParticleBucket.mass(p)).isEqualTo(1f);
            }
            assertThat(ParticleBucket.load(ParticleBucket.elementAddress(particles, 3)))
                    .isEqualTo(new Particle(new Vec3(0, 0, 3), new Vec3(2, -4, 3), 1));
        } finally {
            ParticleBucket.freeArray(particles);
        }
    }

    @Test
    void cSeesSingleBlocksToo() {
        long p = ParticleBucket.alloc(new Particle(new Vec3(1.5f, 0, 0), new Vec3(0, 0, 0), 0.25f));
        try {
            assertThat(c.format(p)).isEqualTo("pos=(1.5, 0, 0) vel=(0, 0, 0) mass=0.25");
        } finally {
            ParticleBucket.free(p);
        }
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

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("%s finished", command.getFirst())
                .isTrue();
        assertThat(process.exitValue()).as("%s failed: %s", command, output).isZero();
    }
}
