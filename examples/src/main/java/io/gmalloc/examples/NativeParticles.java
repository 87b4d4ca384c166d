package io.gmalloc.examples;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Java and C on the same memory: {@link Particle} structs allocated and written through the generated
 * {@code ParticleBucket}, handed by address to the C functions of {@code src/main/c/particles.c}, which include the
 * {@code Particle.h} the processor generated from the same record. Nothing is copied or converted; both sides read
 * the one layout.
 *
 * <pre>{@code
 * long particles = ParticleBucket.allocArray(n);     // Java writes them ...
 * ParticleBucket.store(ParticleBucket.elementAddress(particles, i), new Particle(...));
 * NativeParticles c = NativeParticles.load(Path.of("libparticles.so"));
 * c.step(particles, n, 0.5f);                         // ... C moves them ...
 * ParticleBucket.pos(ParticleBucket.elementAddress(particles, i));  // ... and Java reads what C wrote
 * }</pre>
 *
 * <p>Needs {@code --enable-native-access} for the downcalls, as gmalloc itself does.
 */
public final class NativeParticles {

    /** {@code void particles_step(Particle *particles, size_t count, float dt)}. */
    private final MethodHandle step;

    /** {@code double particles_kinetic_energy(const Particle *particles, size_t count)}. */
    private final MethodHandle kineticEnergy;

    /** {@code int particle_format(const Particle *p, char *out, size_t capacity)}. */
    private final MethodHandle format;

    private NativeParticles(SymbolLookup library) {
        step = NativeCalls.downcall(
                library,
                "particles_step",
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_FLOAT));
        kineticEnergy = NativeCalls.downcall(
                library,
                "particles_kinetic_energy",
                FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
        format = NativeCalls.downcall(
                library,
                "particle_format",
                FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    }

    /**
     * Loads the shared library built from {@code particles.c}; it stays loaded for the life of the JVM.
     *
     * @param library path of {@code libparticles.so}
     * @return the C functions
     * @throws IllegalArgumentException if the library cannot be loaded
     * @throws java.util.NoSuchElementException if it lacks one of the functions
     */
    @SuppressWarnings("restricted") // loading native code is the point; the JVM runs with --enable-native-access
    public static NativeParticles load(Path library) {
        return new NativeParticles(SymbolLookup.libraryLookup(library, Arena.global()));
    }

    /**
     * Moves {@code count} contiguous particles along their velocities, in C.
     *
     * @param particles address of element 0 of a {@code ParticleBucket.allocArray(count)} array
     * @param count number of particles
     * @param dtSeconds time step
     */
    public void step(long particles, long count, float dtSeconds) {
        try {
            step.invokeExact(MemorySegment.ofAddress(particles), count, dtSeconds);
        } catch (Throwable e) {
            throw NativeCalls.propagate(e);
        }
    }

    /**
     * Sums the kinetic energy of {@code count} contiguous particles, in C.
     *
     * @param particles address of element 0 of a {@code ParticleBucket.allocArray(count)} array
     * @param count number of particles
     * @return joules
     */
    public double kineticEnergy(long particles, long count) {
        try {
            return (double) kineticEnergy.invokeExact(MemorySegment.ofAddress(particles), count);
        } catch (Throwable e) {
            throw NativeCalls.propagate(e);
        }
    }

    /**
     * Formats one particle with C's {@code snprintf}, straight from its struct.
     *
     * @param particle address of a {@code Particle} struct
     * @return e.g. {@code pos=(1, 2, 3) vel=(4, 5, 6) mass=7}
     */
    public String format(long particle) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(256);
            int length = (int) format.invokeExact(MemorySegment.ofAddress(particle), out, out.byteSize());
            if (length < 0 || length >= out.byteSize()) {
                throw new IllegalStateException("particle_format returned " + length);
            }
            return out.getString(0, StandardCharsets.UTF_8);
        } catch (Throwable e) {
            throw NativeCalls.propagate(e);
        }
    }
}
