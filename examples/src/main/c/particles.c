/*
 * Native side of the "one definition for Java and C" example: functions over Particle structs that Java
 * allocated and wrote through the generated ParticleBucket. The struct comes from the header the annotation
 * processor wrote next to ParticleBucket.class (META-INF/gmalloc/include/io/gmalloc/examples/Particle.h), so
 * this file declares no layout of its own and cannot drift from the Java record: if it did, the header's
 * _Static_asserts would stop the build.
 *
 * Build (NativeParticlesTest does this when gcc is present):
 *   gcc -std=c11 -Wall -Wextra -Werror -pedantic -O2 -shared -fPIC \
 *       -I examples/target/classes/META-INF/gmalloc/include -o libparticles.so examples/src/main/c/particles.c
 */
#include <stdio.h>

#include "io/gmalloc/examples/Particle.h"

/* Moves every particle of a contiguous array (ParticleBucket.allocArray) along its velocity for dt seconds. */
void particles_step(Particle *particles, size_t count, float dt) {
    for (size_t i = 0; i < count; i++) {
        Particle *p = &particles[i];
        p->pos.x += p->vel.x * dt;
        p->pos.y += p->vel.y * dt;
        p->pos.z += p->vel.z * dt;
    }
}

/* Total kinetic energy of the array, in joules: the sum of m * |v|^2 / 2, accumulated in double. */
double particles_kinetic_energy(const Particle *particles, size_t count) {
    double energy = 0;
    for (size_t i = 0; i < count; i++) {
        const Vec3 *v = &particles[i].vel;
        double speed2 = (double) v->x * v->x + (double) v->y * v->y + (double) v->z * v->z;
        energy += 0.5 * particles[i].mass * speed2;
    }
    return energy;
}

/* Writes one particle as text into out (at most capacity bytes, NUL included); returns what snprintf returns. */
int particle_format(const Particle *p, char *out, size_t capacity) {
    return snprintf(out, capacity, "pos=(%g, %g, %g) vel=(%g, %g, %g) mass=%g",
            p->pos.x, p->pos.y, p->pos.z, p->vel.x, p->vel.y, p->vel.z, p->mass);
}
