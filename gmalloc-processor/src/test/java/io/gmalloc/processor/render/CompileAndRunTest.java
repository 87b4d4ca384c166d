package io.gmalloc.processor.render;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.gmalloc.processor.ProcessorRun;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compiles annotated records with the processor, loads the generated classes next to the real runtime and uses
 * them: allocate, write through setters, read through getters, load/store, layout, stride, free and reuse.
 * The runtime is referred to reflectively: this test is compiled inside the processor's module, which must not
 * read the runtime (surefire then runs everything on the class path).
 */
class CompileAndRunTest {
    private static ClassLoader loader;

    @BeforeAll
    static void compileAndLoad() {
        Compilation compilation = ProcessorRun.compile(ProcessorRun.sources(
                "good/com/example/Vec3.java",
                "good/com/example/Padded.java",
                "good/com/example/Particle.java",
                "good/com/example/Tick.java",
                "good/com/example/Body.java"));
        assertThat(compilation).succeededWithoutWarnings();
        loader = ProcessorRun.classLoader(compilation);
    }

    private static Bucket runtime(String simpleName) {
        return Bucket.runtime(simpleName);
    }

    private static Object record(String simpleName, Object... components) {
        return Bucket.record(loader, simpleName, components);
    }

    @Test
    void writesThroughSettersAndReadsThroughGetters() {
        Bucket vec3 = Bucket.of(loader, "Vec3Bucket");
        long address = vec3.address("alloc");
        try {
            vec3.call("x", address, 1.5f);
            vec3.call("y", address, -2.25f);
            vec3.call("z", address, 1e30f);
            assertThat(vec3.call("x", address)).isEqualTo(1.5f);
            assertThat(vec3.call("y", address)).isEqualTo(-2.25f);
            assertThat(vec3.call("z", address)).isEqualTo(1e30f);
            assertThat(vec3.call("load", address)).isEqualTo(record("Vec3", 1.5f, -2.25f, 1e30f));
        } finally {
            vec3.call("free", address);
        }
    }

    @Test
    void storesAndLoadsEveryPrimitiveExactly() {
        Bucket padded = Bucket.of(loader, "PaddedBucket");
        Object value = record(
                "Padded", Byte.MIN_VALUE, Long.MIN_VALUE + 7, (short) -2, true, '\uFFFF', Math.PI, Integer.MAX_VALUE);
        long address = padded.address("alloc", value);
        try {
            assertThat(padded.call("load", address)).isEqualTo(value);
            assertThat(padded.call("flag", address)).isEqualTo(Byte.MIN_VALUE);
            assertThat(padded.call("id", address)).isEqualTo(Long.MIN_VALUE + 7);
            assertThat(padded.call("kind", address)).isEqualTo((short) -2);
            assertThat(padded.call("alive", address)).isEqualTo(true);
            assertThat(padded.call("tag", address)).isEqualTo('\uFFFF');
            assertThat(padded.call("weight", address)).isEqualTo(Math.PI);
            assertThat(padded.call("count", address)).isEqualTo(Integer.MAX_VALUE);

            MemorySegment raw = (MemorySegment) padded.call("segment", address);
            assertThat(raw.byteSize()).isEqualTo(40);
            assertThat(raw.get(ValueLayout.JAVA_BYTE, 18))
                    .as("boolean stored as byte 1")
                    .isEqualTo((byte) 1);
            assertThat(raw.get(ValueLayout.JAVA_LONG_UNALIGNED, 8)).isEqualTo(Long.MIN_VALUE + 7);

            padded.call("alive", address, false);
            assertThat(raw.get(ValueLayout.JAVA_BYTE, 18)).isZero();
            padded.call("store", address, record("Padded", (byte) 1, 2L, (short) 3, true, 'c', 6.0, 7));
            assertThat(padded.call("load", address))
                    .isEqualTo(record("Padded", (byte) 1, 2L, (short) 3, true, 'c', 6.0, 7));
        } finally {
            padded.call("free", address);
        }
    }

    @Test
    void allocatesZeroedBlocks() {
        Bucket padded = Bucket.of(loader, "PaddedBucket");
        long address = padded.address("alloc");
        try {
            assertThat(padded.call("load", address))
                    .isEqualTo(record("Padded", (byte) 0, 0L, (short) 0, false, '\0', 0.0, 0));
        } finally {
            padded.call("free", address);
        }
    }

    @Test
    void layoutOffsetsEqualMemberOffsetsAndSize() {
        Bucket padded = Bucket.of(loader, "PaddedBucket");
        StructLayout layout = (StructLayout) padded.constant("LAYOUT");
        assertThat(layout.byteSize()).isEqualTo(padded.constant("SIZE")).isEqualTo(40L);
        assertThat(layout.byteAlignment())
                .isEqualTo(padded.constant("ALIGNMENT"))
                .isEqualTo(8L);
        String[] names = {"flag", "id", "kind", "alive", "tag", "weight", "count"};
        long[] offsets = {0, 8, 16, 18, 20, 24, 32};
        for (int i = 0; i < names.length; i++) {
            assertThat(layout.byteOffset(PathElement.groupElement(names[i])))
                    .as(names[i])
                    .isEqualTo(offsets[i]);
        }

        Bucket particle = Bucket.of(loader, "ParticleBucket");
        StructLayout nested = (StructLayout) particle.constant("LAYOUT");
        assertThat(nested.byteSize()).isEqualTo(particle.constant("SIZE")).isEqualTo(28L);
        assertThat(nested.byteOffset(PathElement.groupElement("vel"), PathElement.groupElement("y")))
                .isEqualTo(16);
        assertThat(nested.byteOffset(PathElement.groupElement("mass"))).isEqualTo(24);
        assertThat(Bucket.of(loader, "Vec3Bucket").constant("SIZE")).isEqualTo(12L);
    }

    @Test
    void nestedAccessorsWorkOnTheParentsBlock() {
        Bucket particle = Bucket.of(loader, "ParticleBucket");
        Bucket vec3 = Bucket.of(loader, "Vec3Bucket");
        Object value = record("Particle", record("Vec3", 1f, 2f, 3f), record("Vec3", 4f, 5f, 6f), 7f);
        long address = particle.address("alloc", value);
        try {
            assertThat(particle.call("load", address)).isEqualTo(value);
            assertThat(particle.call("vel", address)).isEqualTo(record("Vec3", 4f, 5f, 6f));
            long pos = particle.address("posAddress", address);
            long vel = particle.address("velAddress", address);
            assertThat(pos).isEqualTo(address);
            assertThat(vel).isEqualTo(address + 12);
            assertThat(vec3.call("y", pos)).isEqualTo(2f);
            vec3.call("z", vel, 9f);
            assertThat(particle.call("vel", address)).isEqualTo(record("Vec3", 4f, 5f, 9f));
            particle.call("pos", address, record("Vec3", -1f, -2f, -3f));
            assertThat(vec3.call("load", pos)).isEqualTo(record("Vec3", -1f, -2f, -3f));
            assertThat(particle.call("mass", address)).isEqualTo(7f);
        } finally {
            particle.call("free", address);
        }
    }

    @Test
    void twelveByteRecordsAreTwelveBytesApart() {
        Bucket vec3 = Bucket.of(loader, "Vec3Bucket");
        long[] addresses = new long[4096];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = vec3.address("alloc");
        }
        try {
            long[] sorted = addresses.clone();
            Arrays.sort(sorted);
            int exact = 0;
            for (int i = 1; i < sorted.length; i++) {
                long gap = sorted[i] - sorted[i - 1];
                assertThat(gap).as("blocks never overlap").isGreaterThanOrEqualTo(12);
                if (gap == 12) {
                    exact++;
                }
            }
            assertThat(exact).as("neighbouring blocks exactly 12 bytes apart").isGreaterThan(sorted.length * 9 / 10);
        } finally {
            for (long address : addresses) {
                vec3.call("free", address);
            }
        }
    }

    @Test
    void arraysOfStructsAreContiguous() {
        Bucket particle = Bucket.of(loader, "ParticleBucket");
        Bucket vec3 = Bucket.of(loader, "Vec3Bucket");
        long base = particle.address("allocArray", 1000L);
        try {
            assertThat(particle.address("elementAddress", base, 999L)).isEqualTo(base + 999 * 28);
            for (long i = 0; i < 1000; i++) {
                long element = particle.address("elementAddress", base, i);
                assertThat(particle.call("mass", element)).isEqualTo(0f);
                particle.call("mass", element, (float) i);
                vec3.call("y", particle.address("velAddress", element), (float) -i);
            }
            for (long i = 0; i < 1000; i++) {
                long element = particle.address("elementAddress", base, i);
                assertThat(particle.call("load", element))
                        .isEqualTo(record(
                                "Particle", record("Vec3", 0f, 0f, 0f), record("Vec3", 0f, (float) -i, 0f), (float) i));
            }
        } finally {
            particle.call("freeArray", base);
        }
    }

    @Test
    void interfaceFlyweightReadsAndWritesTheStruct() throws ReflectiveOperationException {
        Bucket body = Bucket.of(loader, "BodyBucket");
        assertThat(body.constant("SIZE")).isEqualTo(20L);
        Class<?> bodyType = Class.forName("com.example.Body", true, loader);
        long base = body.address("allocArray", 3L);
        try {
            Object ref = body.call("ref", base);
            assertThat(bodyType.isInstance(ref)).isTrue();
            for (long i = 0; i < 3; i++) {
                ref.getClass().getMethod("moveTo", long.class).invoke(ref, body.address("elementAddress", base, i));
                bodyType.getMethod("mass", float.class).invoke(ref, 10f * (i + 1));
                bodyType.getMethod("pos", bodyType.getMethod("pos").getReturnType())
                        .invoke(ref, record("Vec3", (float) i, 0f, 0f));
                bodyType.getMethod("active", boolean.class).invoke(ref, i == 1);
            }
            long second = body.address("elementAddress", base, 1L);
            assertThat(body.call("mass", second)).isEqualTo(20f);
            assertThat(body.call("active", second)).isEqualTo(true);
            assertThat(body.call("pos", second)).isEqualTo(record("Vec3", 1f, 0f, 0f));
            Object view = body.call("ref", second);
            assertThat(bodyType.getMethod("weight").invoke(view)).isEqualTo(20f * 9.81f);
            assertThat(view.getClass().getMethod("address").invoke(view)).isEqualTo(second);
        } finally {
            body.call("freeArray", base);
        }
    }

    @Test
    void freedBlocksAreReusedAndZeroed() {
        Bucket vec3 = Bucket.of(loader, "Vec3Bucket");
        Set<Long> first = new HashSet<>();
        for (int i = 0; i < 256; i++) {
            long address = vec3.address("alloc", record("Vec3", 1f, 2f, 3f));
            first.add(address);
        }
        for (long address : first) {
            vec3.call("free", address);
        }
        // The heap hands out a slab's unused blocks before it comes back to freed ones, so allocate until a freed
        // block reappears (bounded: a few slabs of 12-byte blocks).
        List<Long> second = new ArrayList<>();
        int reused = 0;
        try {
            for (int i = 0; i < 2_000_000 && reused == 0; i++) {
                long address = vec3.address("alloc");
                second.add(address);
                if (first.contains(address)) {
                    reused++;
                    assertThat(vec3.call("load", address))
                            .as("a reused block is zeroed")
                            .isEqualTo(record("Vec3", 0f, 0f, 0f));
                }
            }
            assertThat(reused).as("freed blocks are handed out again").isPositive();
        } finally {
            for (long address : second) {
                vec3.call("free", address);
            }
        }
    }

    @Test
    void generalAndSpecialBucketsFollowTheRule() {
        Bucket padded = Bucket.of(loader, "PaddedBucket");
        Bucket ticks = Bucket.of(loader, "Ticks");
        long general = padded.address("alloc");
        long dedicated = ticks.address("alloc", record("Tick", 5L, 2.5));
        try {
            Bucket gmalloc = runtime("GMalloc");
            assertThat(gmalloc.call("usableSize", general))
                    .as("40-byte general bucket")
                    .isEqualTo(40L);
            assertThat(ticks.call("load", dedicated)).isEqualTo(record("Tick", 5L, 2.5));
            assertThatThrownBy(() -> ticks.call("free", general))
                    .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo("io.gmalloc.InvalidFreeException"))
                    .satisfies(e -> assertThat(e.getClass().getMethod("reason").invoke(e))
                            .hasToString("WRONG_BUCKET"));
        } finally {
            padded.call("free", general);
            ticks.call("free", dedicated);
        }
        ticks.call("free", 0L); // like free(NULL)
    }

    @Test
    void allocOfNullFailsWithoutLeaking() {
        Bucket particle = Bucket.of(loader, "ParticleBucket");
        assertThatThrownBy(() -> particle.call("alloc", new Object[] {null})).isInstanceOf(NullPointerException.class);
        Object half = record("Particle", record("Vec3", 1f, 2f, 3f), null, 1f);
        assertThatThrownBy(() -> particle.call("alloc", half)).isInstanceOf(NullPointerException.class);
    }

    /** Calls an instance method of a runtime object (a {@code Region}) reflectively. */
    private static Object invoke(Object target, String name) {
        try {
            return target.getClass().getMethod(name).invoke(target);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void regionOverloadsAllocateInTheRegionAndCloseFreesThem() {
        Bucket vec3 = Bucket.of(loader, "Vec3Bucket");
        Bucket padded = Bucket.of(loader, "PaddedBucket");
        Bucket particle = Bucket.of(loader, "ParticleBucket");
        Bucket gmalloc = runtime("GMalloc");
        Object region = runtime("Region").call("open");
        long special = vec3.address("alloc", region);
        long next = vec3.address("alloc", region);
        long general = padded.address("alloc", region);
        long stored = particle.address(
                "alloc", region, record("Particle", record("Vec3", 1f, 2f, 3f), record("Vec3", 4f, 5f, 6f), 7f));
        long array = vec3.address("allocArray", region, 100L);
        assertThat(next - special)
                .as("special blocks of a region lie one stride apart")
                .isEqualTo(12);
        assertThat(gmalloc.call("usableSize", general)).isEqualTo(40L);
        assertThat(vec3.call("load", special)).isEqualTo(record("Vec3", 0f, 0f, 0f));
        assertThat(particle.call("load", stored))
                .isEqualTo(record("Particle", record("Vec3", 1f, 2f, 3f), record("Vec3", 4f, 5f, 6f), 7f));
        assertThat((Long) gmalloc.call("usableSize", array)).isGreaterThanOrEqualTo(1200L);
        assertThat(invoke(region, "liveBlocks")).isEqualTo(5L);
        vec3.call("free", next);
        assertThat(invoke(region, "liveBlocks")).isEqualTo(4L);
        invoke(region, "close");
        assertThatThrownBy(() -> gmalloc.call("gfree", special))
                .satisfies(e ->
                        assertThat(e.getClass().getMethod("reason").invoke(e)).hasToString("NOT_OWNED"));
        assertThatThrownBy(() -> vec3.call("alloc", region)).isInstanceOf(IllegalStateException.class);
    }
}
