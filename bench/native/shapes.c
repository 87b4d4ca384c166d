/*
 * Native reference driver for gmalloc's three seed shapes (docs/design.md §6), so the report can put native
 * figures next to the Java ones measured in the same run. It calls plain malloc/free; bench/run runs it
 * on glibc as is and on jemalloc/mimalloc through LD_PRELOAD.
 *
 *   shapes SHAPE N THREADS LABEL
 *   shape 1: N x malloc(8) into a pointer array, each block touched, then all freed
 *   shape 2: THREADS threads, N/THREADS x malloc(8) each, touched, never freed
 *   shape 3: N rounds of {500 x malloc(8), 500 x free}, freed in allocation order
 *
 * Prints one line: RESULT lang=c impl=LABEL shape=S n=N threads=T seconds=... cpuSeconds=... startRssKb=... hwmKb=...
 * growthMb=... checksum=...   where growth = peak RSS (VmHWM) at the end - VmRSS at start - pointer
 * array. The pointer array is mmap'ed directly so it never goes through the allocator under test.
 *
 * Build: gcc -O2 -fno-builtin-malloc -fno-builtin-free -pthread shapes.c -o shapes
 * (-fno-builtin-*: gcc may otherwise delete malloc/free pairs whose memory is never observed).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

enum { BATCH = 500, BLOCK = 8 };

static long status_kb(const char *key) {
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return -1;
    char line[256];
    long value = -1;
    size_t n = strlen(key);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, key, n) == 0 && line[n] == ':') {
            value = strtol(line + n + 1, NULL, 10);
            break;
        }
    }
    fclose(f);
    return value;
}

static double clock_seconds(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double now_seconds(void) { return clock_seconds(CLOCK_MONOTONIC); }

/* CPU time of the threads that ran the shape: a cross-check on a shared machine, where wall time also
 * counts time spent waiting for a core. Workers add theirs; the main thread adds its own for shapes 1, 3. */
static double work_cpu_seconds;
static pthread_mutex_t work_cpu_lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t *map_pointers(long count) {
    void *p = mmap(NULL, (size_t)count * sizeof(uint64_t), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) { perror("mmap"); exit(2); }
    return p;
}

static uint64_t shape1(long n) {
    uint64_t *ptrs = map_pointers(n);
    uint64_t sum = 0;
    for (long i = 0; i < n; i++) {
        uint64_t *p = malloc(BLOCK);
        if (!p) { fprintf(stderr, "malloc failed at %ld\n", i); exit(3); }
        *p = (uint64_t)i;            /* touch */
        ptrs[i] = (uint64_t)p;
    }
    for (long i = 0; i < n; i++) {
        sum += *(uint64_t *)ptrs[i];
        free((void *)ptrs[i]);
    }
    return sum;
}

struct worker { long count; uint64_t sum; };

static void *shape2_worker(void *arg) {
    struct worker *w = arg;
    double cpu0 = clock_seconds(CLOCK_THREAD_CPUTIME_ID);
    uint64_t sum = 0;
    for (long i = 0; i < w->count; i++) {
        uint64_t *p = malloc(BLOCK);
        if (!p) { fprintf(stderr, "malloc failed\n"); exit(3); }
        *p = (uint64_t)i;            /* touch */
        sum += (uint64_t)p;
    }
    w->sum = sum;
    double cpu = clock_seconds(CLOCK_THREAD_CPUTIME_ID) - cpu0;
    pthread_mutex_lock(&work_cpu_lock);
    work_cpu_seconds += cpu;
    pthread_mutex_unlock(&work_cpu_lock);
    return NULL;
}

static uint64_t shape2(long n, int threads) {
    pthread_t tid[threads];
    struct worker w[threads];
    for (int t = 0; t < threads; t++) {
        w[t].count = n / threads + (t < n % threads ? 1 : 0);
        if (pthread_create(&tid[t], NULL, shape2_worker, &w[t]) != 0) { perror("pthread_create"); exit(2); }
    }
    uint64_t sum = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(tid[t], NULL);
        sum += w[t].sum;
    }
    return sum;
}

static uint64_t shape3(long rounds) {
    void *ptrs[BATCH];
    uint64_t sum = 0;
    for (long r = 0; r < rounds; r++) {
        for (int i = 0; i < BATCH; i++) {
            ptrs[i] = malloc(BLOCK);
            if (!ptrs[i]) { fprintf(stderr, "malloc failed\n"); exit(3); }
        }
        sum += (uint64_t)ptrs[r % BATCH];
        for (int i = 0; i < BATCH; i++) free(ptrs[i]);
    }
    return sum;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s SHAPE(1|2|3) N THREADS LABEL\n", argv[0]);
        return 1;
    }
    int shape = atoi(argv[1]);
    long n = atol(argv[2]);
    int threads = atoi(argv[3]);
    const char *label = argv[4];
    if (n <= 0 || threads <= 0 || shape < 1 || shape > 3) {
        fprintf(stderr, "bad arguments\n");
        return 1;
    }
    long start_rss = status_kb("VmRSS");
    double t0 = now_seconds();
    double cpu0 = clock_seconds(CLOCK_THREAD_CPUTIME_ID);
    uint64_t sum = shape == 1 ? shape1(n) : shape == 2 ? shape2(n, threads) : shape3(n);
    double seconds = now_seconds() - t0;
    if (shape != 2) work_cpu_seconds += clock_seconds(CLOCK_THREAD_CPUTIME_ID) - cpu0;
    long hwm = status_kb("VmHWM");
    long pointer_kb = shape == 1 ? n * 8 / 1024 : 0;
    double growth_mb = (hwm - start_rss - pointer_kb) / 1024.0;
    printf("RESULT lang=c impl=%s shape=%d n=%ld threads=%d seconds=%.4f cpuSeconds=%.4f startRssKb=%ld hwmKb=%ld growthMb=%.1f checksum=%llu\n",
           label, shape, n, shape == 2 ? threads : 1, seconds, work_cpu_seconds, start_rss, hwm, growth_mb, (unsigned long long)sum);
    return 0;
}
