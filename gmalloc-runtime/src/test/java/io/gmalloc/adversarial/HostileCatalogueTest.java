package io.gmalloc.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import io.gmalloc.GMalloc;
import io.gmalloc.InvalidAccessException;
import io.gmalloc.InvalidFreeException;
import io.gmalloc.InvalidFreeException.Reason;
import io.gmalloc.Region;
import io.gmalloc.SpecialBucket;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A hostile user's catalogue through the public API only, each case with the exact outcome the contract gives:
 * special buckets of odd strides (1, 3, 4095, 4097, 65536 ...) with interior, cross-bucket and double frees;
 * {@code allocator()} with every alignment up to 8192 and odd sizes, then grown by {@code grealloc}; impossible
 * sizes and alignments; {@code grealloc}, {@code usableSize} and {@code checkAccess} of interior, freed, foreign
 * and mapped addresses; regions freeing each other's blocks, used from the wrong thread and after close. Then, in
 * child JVMs at tiny caps (320 KiB, 8 MiB), thousands of random operations of every kind with out-of-memory errors
 * thrown from every slow path, and a full recovery: distinct, zeroed, intact blocks of every kind afterwards.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileCatalogueTest {
    private static final MemorySegment ALL = GMalloc.addressSpace();

    /** What went wrong; each entry a violated expectation. */
    private final List<String> failures = new ArrayList<>();

    @AfterEach
    void trimAfterwards() {
        GMalloc.trim();
    }

    private void bad(String what) {
        failures.add(what);
    }

    /** Runs {@code r}, which must throw: an {@link InvalidFreeException} of {@code reason}, or a {@code Class}. */
    private void expect(String what, Runnable r, Object reason) {
        try {
            r.run();
            bad("no exception: " + what);
        } catch (InvalidFreeException e) {
            if (reason instanceof Reason wanted) {
                if (e.reason() != wanted) {
                    bad(what + ": reason " + e.reason() + ", want " + wanted + ": " + e.getMessage());
                }
            } else {
                bad(what + ": " + e + ", want " + reason);
            }
        } catch (Throwable t) {
            if (!(reason instanceof Class<?> type && type.isInstance(t))) {
                bad(what + ": threw " + t + ", want " + reason);
            }
        }
    }

    @Test
    void everyBadInputGetsTheExactOutcomeAndNothingLeaks() throws Exception {
        long liveAtStart = GMalloc.stats().liveBlocks();

        // special buckets with odd strides
        for (long stride : new long[] {1, 2, 3, 5, 7, 12, 4095, 4096, 4097, 65535, 65536}) {
            long al = stride % 8 == 0 ? 8 : stride % 4 == 0 ? 4 : stride % 2 == 0 ? 2 : 1;
            SpecialBucket b = new SpecialBucket("p2.s" + stride, stride, al);
            SpecialBucket other = new SpecialBucket("p2.o" + stride, stride, al);
            Set<Long> seen = new HashSet<>();
            List<Long> live = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                long p = b.alloc();
                if (!seen.add(p)) bad("dup " + stride);
                if (p % al != 0) bad("align " + stride);
                for (long o = 0; o < stride; o += Math.max(1, stride / 7))
                    if (ALL.get(ValueLayout.JAVA_BYTE, p + o) != 0) {
                        bad("nonzero " + stride);
                        break;
                    }
                if (GMalloc.usableSize(p) != stride) bad("usable " + stride + " " + GMalloc.usableSize(p));
                ALL.asSlice(p, stride).fill((byte) 0x5a);
                live.add(p);
            }
            long p = live.get(5);
            if (stride > 1) expect("interior " + stride, () -> b.free(p + 1), Reason.INTERIOR);
            if (stride > 1) expect("interior gfree " + stride, () -> GMalloc.gfree(p + 1), Reason.INTERIOR);
            expect("other bucket " + stride, () -> other.free(p), Reason.WRONG_BUCKET);
            long g = GMalloc.gmalloc(8);
            expect("general via special " + stride, () -> b.free(g), Reason.WRONG_BUCKET);
            GMalloc.gfree(g);
            expect("freed general via special " + stride, () -> b.free(g), Reason.WRONG_BUCKET);
            long L = GMalloc.gmalloc(1000);
            expect("large via special " + stride, () -> b.free(L), Reason.WRONG_BUCKET);
            GMalloc.gfree(L);
            GMalloc.gfree(p);
            expect("double gfree special " + stride, () -> b.free(p), Reason.DOUBLE_FREE);
            expect("double gfree special2 " + stride, () -> GMalloc.gfree(p), Reason.DOUBLE_FREE);
            expect("usable freed", () -> GMalloc.usableSize(p), IllegalArgumentException.class);
            live.remove(5);
            for (long q : live) b.free(q);
            // reuse zeroed
            for (int i = 0; i < 100; i++) {
                long q = b.alloc();
                for (long o = 0; o < stride; o++)
                    if (ALL.get(ValueLayout.JAVA_BYTE, q + o) != 0) {
                        bad("reuse nonzero " + stride + " off " + o);
                        break;
                    }
                b.free(q);
            }
            // region
            try (Region r = Region.open()) {
                long q = b.alloc(r);
                GMalloc.gfree(q);
                expect("region special double", () -> b.free(q), Reason.DOUBLE_FREE);
                long q2 = b.alloc(r);
                expect("region.free special other", () -> other.free(q2), Reason.WRONG_BUCKET);
            }
        }
        for (long bad : new long[] {0, -1, 65537, Long.MAX_VALUE, Long.MIN_VALUE})
            expect("stride " + bad, () -> new SpecialBucket("x", bad, 1), IllegalArgumentException.class);
        for (long bad : new long[] {0, 3, 16, -8, 12})
            expect("align " + bad, () -> new SpecialBucket("x", 48, bad), IllegalArgumentException.class);
        expect("align !divide", () -> new SpecialBucket("x", 12, 8), IllegalArgumentException.class);
        expect("name null", () -> new SpecialBucket(null, 12, 4), IllegalArgumentException.class);
        // allocator
        SegmentAllocator al = GMalloc.allocator();
        for (long align = 1; align <= 8192; align <<= 1)
            for (long size : new long[] {
                0,
                1,
                7,
                8,
                9,
                15,
                16,
                17,
                63,
                64,
                65,
                100,
                255,
                256,
                257,
                511,
                512,
                513,
                1000,
                4095,
                4096,
                4097,
                70000,
                1 << 20,
                (2 << 20) + 3
            }) {
                MemorySegment s = al.allocate(size, align);
                if (s.address() % align != 0) bad("allocator align " + size + "/" + align);
                if (s.byteSize() != size) bad("allocator size");
                for (long o = 0; o < size; o += Math.max(1, size / 9))
                    if (s.get(ValueLayout.JAVA_BYTE, o) != 0) {
                        bad("allocator nonzero " + size + "/" + align);
                        break;
                    }
                if (GMalloc.usableSize(s.address()) < size) bad("usable < size " + size + "/" + align);
                if (size > 0) s.set(ValueLayout.JAVA_BYTE, size - 1, (byte) 1);
                if (size > 16)
                    expect(
                            "alloc interior " + size + "/" + align,
                            () -> GMalloc.gfree(s.address() + 8),
                            Reason.INTERIOR);
                long g2 = GMalloc.grealloc(s.address(), size + 100);
                if (size > 0 && ALL.get(ValueLayout.JAVA_BYTE, g2 + size - 1) != 1)
                    bad("grealloc lost " + size + "/" + align);
                GMalloc.gfree(g2);
                expect("alloc dbl " + size + "/" + align, () -> GMalloc.gfree(g2), Reason.DOUBLE_FREE);
            }
        long liveBefore = GMalloc.stats().liveBlocks();
        for (long[] sa : new long[][] {
            {Long.MAX_VALUE, 1},
            {Long.MAX_VALUE, 8},
            {Long.MAX_VALUE, 16},
            {Long.MAX_VALUE, 4096},
            {Long.MAX_VALUE - 4096, 4096},
            {1, 1L << 62},
            {8, Long.MIN_VALUE},
            {1L << 62, 1L << 62},
            {-1, 8},
            {8, 0},
            {8, -8},
            {8, 3},
            {1L << 47, 1}
        }) {
            try {
                MemorySegment s = al.allocate(sa[0], sa[1]);
                GMalloc.gfree(s.address());
            } catch (OutOfMemoryError | IllegalArgumentException e) {
                if (!e.getMessage().contains(Long.toString(sa[0]))
                        && !e.getMessage().contains(Long.toString(sa[1])))
                    bad("msg " + sa[0] + "/" + sa[1] + ": " + e.getMessage());
            } catch (Throwable t) {
                bad("allocator " + sa[0] + "/" + sa[1] + " threw " + t);
            }
        }
        if (GMalloc.stats().liveBlocks() != liveBefore) bad("leak after impossible allocs");
        for (long size : new long[] {-1, Long.MIN_VALUE}) {
            expect("gmalloc neg", () -> GMalloc.gmalloc(size), IllegalArgumentException.class);
            expect("grealloc neg", () -> GMalloc.grealloc(0, size), IllegalArgumentException.class);
        }
        long gp = GMalloc.gmalloc(8);
        expect("grealloc neg live", () -> GMalloc.grealloc(gp, -5), IllegalArgumentException.class);
        expect("grealloc huge", () -> GMalloc.grealloc(gp, Long.MAX_VALUE), OutOfMemoryError.class);
        GMalloc.usableSize(gp);
        GMalloc.gfree(gp);
        expect("gmalloc huge", () -> GMalloc.gmalloc(Long.MAX_VALUE), OutOfMemoryError.class);
        expect("gmalloc huge2", () -> GMalloc.gmalloc(1L << 50), OutOfMemoryError.class);
        // grealloc interior/freed/foreign
        long q = GMalloc.gmalloc(64);
        expect("grealloc interior", () -> GMalloc.grealloc(q + 8, 16), Reason.INTERIOR);
        long Lq = GMalloc.gmalloc(4000);
        expect("grealloc large interior", () -> GMalloc.grealloc(Lq + 16, 16), Reason.INTERIOR);
        GMalloc.gfree(Lq);
        expect("grealloc large freed", () -> GMalloc.grealloc(Lq, 16), Reason.DOUBLE_FREE);
        expect("grealloc large freed same", () -> GMalloc.grealloc(Lq, 4000), Reason.DOUBLE_FREE);
        long M = GMalloc.gmalloc(3L << 20);
        expect("mapped interior", () -> GMalloc.gfree(M + 4096), Reason.INTERIOR);
        expect("mapped +8", () -> GMalloc.gfree(M + 8), Reason.INTERIOR);
        GMalloc.gfree(M);
        expect("mapped dbl", () -> GMalloc.gfree(M), Reason.DOUBLE_FREE);
        expect("mapped grealloc dbl", () -> GMalloc.grealloc(M, 10), Reason.DOUBLE_FREE);
        expect("mapped usable dbl", () -> GMalloc.usableSize(M), IllegalArgumentException.class);
        expect("mapped checkAccess", () -> GMalloc.checkAccess(M, 8), InvalidAccessException.class);
        try (Arena ar = Arena.ofConfined()) {
            MemorySegment s = ar.allocate(64);
            expect("arena", () -> GMalloc.gfree(s.address()), Reason.NOT_OWNED);
            expect("arena grealloc", () -> GMalloc.grealloc(s.address(), 8), Reason.NOT_OWNED);
        }
        GMalloc.gfree(q);
        // checkAccess
        long c = GMalloc.gmalloc(24);
        GMalloc.checkAccess(c, 24);
        GMalloc.checkAccess(c + 23, 1);
        expect("ca over", () -> GMalloc.checkAccess(c, 25), InvalidAccessException.class);
        expect("ca neg", () -> GMalloc.checkAccess(c, -1), InvalidAccessException.class);
        expect("ca max", () -> GMalloc.checkAccess(c, Long.MAX_VALUE), InvalidAccessException.class);
        expect("ca min addr", () -> GMalloc.checkAccess(Long.MIN_VALUE, 8), InvalidAccessException.class);
        expect("ca -1", () -> GMalloc.checkAccess(-1, 8), InvalidAccessException.class);
        GMalloc.gfree(c);
        expect("ca freed", () -> GMalloc.checkAccess(c, 8), InvalidAccessException.class);
        long cl = GMalloc.gmalloc(1000);
        GMalloc.checkAccess(cl, 1000);
        expect("ca large over", () -> GMalloc.checkAccess(cl + 1000, 16), InvalidAccessException.class);
        expect("ca large neg", () -> GMalloc.checkAccess(cl, -1), InvalidAccessException.class);
        expect("ca large max", () -> GMalloc.checkAccess(cl + 8, Long.MAX_VALUE), InvalidAccessException.class);
        GMalloc.gfree(cl);
        expect("ca large freed", () -> GMalloc.checkAccess(cl, 8), InvalidAccessException.class);
        // region misc
        Region r = Region.open();
        long rb = r.gmalloc(8), rl = r.gmalloc(2000), rm = r.gmalloc(2L << 20);
        Region r2 = Region.open();
        long r2b = r2.gmalloc(8), r2l = r2.gmalloc(2000);
        expect("r.free other region small", () -> r.free(r2b), Reason.WRONG_BUCKET);
        expect("r.free other region large", () -> r.free(r2l), Reason.WRONG_BUCKET);
        long hb = GMalloc.gmalloc(8);
        expect("r.free heap block", () -> r.free(hb), Reason.WRONG_BUCKET);
        GMalloc.gfree(hb);
        expect("r.free freed heap block", () -> r.free(hb), Reason.NOT_OWNED);
        expect("r.free interior large", () -> r.free(rl + 16), Reason.INTERIOR);
        expect("r.free interior small", () -> r.free(rb + 4), Reason.INTERIOR);
        GMalloc.gfree(rl);
        expect("r.free freed large", () -> r.free(rl), Reason.DOUBLE_FREE);
        r.free(rm);
        expect("gfree freed mapped region", () -> GMalloc.gfree(rm), Reason.DOUBLE_FREE);
        r.free(rb);
        expect("r.free dbl", () -> r.free(rb), Reason.DOUBLE_FREE);
        expect("gfree dbl region", () -> GMalloc.gfree(rb), Reason.DOUBLE_FREE);
        long rb2 = r.gmalloc(16), rl2 = r.gmalloc(5000);
        long rg = GMalloc.grealloc(rb2, 1000);
        expect("region grealloc'd old", () -> r.free(rb2), Reason.DOUBLE_FREE);
        Thread t = new Thread(() -> {
            expect("wrong thread gmalloc", () -> r.gmalloc(8), WrongThreadException.class);
            expect("wt gcalloc", () -> r.gcalloc(1, 8), WrongThreadException.class);
            expect("wt close", r::close, WrongThreadException.class);
            expect("wt free", () -> r.free(rl2), WrongThreadException.class);
            expect("wt live", r::liveBlocks, WrongThreadException.class);
        });
        t.start();
        t.join();
        r.close();
        r.close();
        expect("after close gmalloc", () -> r.gmalloc(8), IllegalStateException.class);
        expect("after close gcalloc", () -> r.gcalloc(1, 8), IllegalStateException.class);
        expect("after close free", () -> r.free(rl2), IllegalStateException.class);
        expect("after close free0", () -> r.free(0), IllegalStateException.class);
        expect("after close live", r::liveBlocks, IllegalStateException.class);
        expect("after close reserved", r::reservedBytes, IllegalStateException.class);
        expect("after close special", () -> new SpecialBucket("p2.rs", 12, 4).alloc(r), IllegalStateException.class);
        expect("gfree closed large", () -> GMalloc.gfree(rl2), Reason.NOT_OWNED);
        expect("grealloc closed large", () -> GMalloc.grealloc(rl2, 10), Reason.NOT_OWNED);
        GMalloc.gfree(rg);
        r2.close();
        expect("gfree closed r2 small", () -> GMalloc.gfree(r2b), Reason.NOT_OWNED);
        expect("usable closed r2 small", () -> GMalloc.usableSize(r2b), IllegalArgumentException.class);

        assertThat(failures).isEmpty();
        assertThat(GMalloc.stats().liveBlocks()).as("nothing leaked").isEqualTo(liveAtStart);
    }

    /** Runs in a child JVM with {@code -Dgmalloc.maxBytes=args[0]}: random operations at the cap, then recovery. */
    public static final class CapChild {
        static final MemorySegment ALL = GMalloc.addressSpace();
        static final SpecialBucket S12 = new SpecialBucket("hostile.Cap12", 12, 4);
        static final SpecialBucket S4097 = new SpecialBucket("hostile.Cap4097", 4097, 1);
        static long cap;
        static int ooms;
        static Map<Long, Long> live = new HashMap<>(); // addr -> size

        static void put(long p, long size) {
            if (live.containsKey(p)) System.out.println("bad handed out twice 0x" + Long.toHexString(p));
            for (long o = 0; o < size; o += Math.max(1, size / 5))
                if (ALL.get(ValueLayout.JAVA_BYTE, p + o) != 0) {
                    System.out.println("bad not zero " + size);
                    break;
                }
            ALL.set(ValueLayout.JAVA_LONG_UNALIGNED, p, p * 31);
            if (size >= 16) ALL.set(ValueLayout.JAVA_LONG_UNALIGNED, p + size - 8, ~p);
            live.put(p, size);
        }

        static void check(long p, long size) {
            if (ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, p) != p * 31
                    || (size >= 16 && ALL.get(ValueLayout.JAVA_LONG_UNALIGNED, p + size - 8) != ~p))
                System.out.println("bad overwritten 0x" + Long.toHexString(p) + " size " + size);
        }

        static void oom(OutOfMemoryError e) {
            ooms++;
            if (!e.getMessage().contains(Long.toString(cap))) System.out.println("bad oom msg " + e.getMessage());
        }

        public static void main(String[] a) throws Exception {
            cap = Long.parseLong(a[0]);
            Random rnd = new Random(Long.parseLong(a[1]));
            int ops = Integer.parseInt(a[2]);
            long[] sizes = {0, 1, 8, 12, 24, 100, 512, 513, 600, 4096, 70000, 300000, 2L << 20};
            for (int i = 0; i < ops; i++) {
                int op = rnd.nextInt(10);
                try {
                    switch (op) {
                        case 0, 1, 2 -> {
                            long s = sizes[rnd.nextInt(sizes.length)];
                            long p = GMalloc.gmalloc(s);
                            put(p, Math.max(s, 1) < 8 ? Math.max(s, 1) : s);
                        }
                        case 3 -> {
                            long p = S12.alloc();
                            put(p, 12);
                        }
                        case 4 -> {
                            long p = S4097.alloc();
                            put(p, 4097);
                        }
                        case 5 -> {
                            long al = 1L << rnd.nextInt(13);
                            long s = sizes[rnd.nextInt(sizes.length)];
                            MemorySegment m = GMalloc.allocator().allocate(s, al);
                            if (m.address() % al != 0) System.out.println("bad align");
                            put(m.address(), Math.max(s, 1) < 8 ? Math.max(s, 1) : s);
                        }
                        case 6, 7 -> {
                            if (!live.isEmpty()) {
                                long p = live.keySet().iterator().next();
                                long s = live.remove(p);
                                check(p, s);
                                if (rnd.nextBoolean()) GMalloc.gfree(p);
                                else {
                                    Thread t = Thread.ofVirtual().start(() -> GMalloc.gfree(p));
                                    t.join();
                                }
                            }
                        }
                        case 8 -> {
                            if (!live.isEmpty()) {
                                long p = live.keySet().iterator().next();
                                long s = live.get(p);
                                check(p, s);
                                long ns = sizes[rnd.nextInt(sizes.length)];
                                long q;
                                try {
                                    q = GMalloc.grealloc(p, ns);
                                } catch (OutOfMemoryError e) {
                                    check(p, s);
                                    throw e;
                                }
                                live.remove(p);
                                long keep = Math.min(Math.max(ns, 1), s);
                                if (ALL.get(ValueLayout.JAVA_BYTE, q) != (byte) (p * 31) && keep >= 1)
                                    System.out.println("bad realloc content");
                                ALL.asSlice(q, Math.max(ns, 1)).fill((byte) 0);
                                put(q, Math.max(ns, 1));
                            }
                        }
                        case 9 -> {
                            int k = rnd.nextInt(4);
                            if (k == 0) GMalloc.trim();
                            else if (k == 1) {
                                try (Region r = Region.open()) {
                                    for (int j = 0; j < 20; j++) {
                                        long p = r.gmalloc(sizes[rnd.nextInt(sizes.length)]);
                                        if (rnd.nextBoolean()) r.free(p);
                                    }
                                }
                            } else {
                                List<Long> got = Collections.synchronizedList(new ArrayList<>());
                                List<Thread> ts = new ArrayList<>();
                                for (int v = 0; v < 20; v++)
                                    ts.add(Thread.ofVirtual().start(() -> {
                                        try {
                                            for (int j = 0; j < 5; j++)
                                                got.add(GMalloc.gmalloc(sizes[
                                                        ThreadLocalRandom.current()
                                                                .nextInt(5)]));
                                        } catch (OutOfMemoryError e) {
                                        }
                                    }));
                                for (Thread t : ts) t.join();
                                for (long p : got) {
                                    if (live.containsKey(p)) System.out.println("bad vt dup");
                                }
                                Set<Long> uniq = new HashSet<>(got);
                                if (uniq.size() != got.size()) System.out.println("bad vt dup2");
                                for (long p : got) GMalloc.gfree(p);
                            }
                        }
                    }
                } catch (OutOfMemoryError e) {
                    oom(e);
                }
            }
            for (var e : live.entrySet()) {
                check(e.getKey(), e.getValue());
                GMalloc.gfree(e.getKey());
            }
            live.clear();
            // full recovery: every kind gets a third of the cap
            String[] kinds = {"8", "512", "s12", "600", "70000", "s4097", "2m", "al4096"};
            for (String kind : kinds) {
                long got = 0;
                List<Long> bl = new ArrayList<>();
                try {
                    while (got < cap / 3) {
                        long p;
                        long s;
                        switch (kind) {
                            case "s12" -> {
                                p = S12.alloc();
                                s = 12;
                            }
                            case "s4097" -> {
                                p = S4097.alloc();
                                s = 4097;
                            }
                            case "2m" -> {
                                s = 2L << 20;
                                if (cap < 8L << 20) {
                                    got = cap;
                                    continue;
                                }
                                p = GMalloc.gmalloc(s);
                            }
                            case "al4096" -> {
                                s = 64;
                                p = GMalloc.allocator().allocate(64, 4096).address();
                            }
                            default -> {
                                s = Long.parseLong(kind);
                                p = GMalloc.gmalloc(s);
                            }
                        }
                        put(p, s);
                        bl.add(p);
                        got += s;
                    }
                } catch (OutOfMemoryError e) {
                    System.out.println("bad recovery " + kind + " got " + got + " of " + cap + ": " + e.getMessage());
                }
                for (long p : bl) {
                    check(p, live.get(p));
                    GMalloc.gfree(p);
                    live.remove(p);
                }
            }
            System.out.println("done ooms=" + ooms + " live=" + GMalloc.stats().liveBlocks() + " reserved="
                    + GMalloc.stats().reservedBytes());
        }
    }

    @Test
    void randomOperationsAtTinyCapsRecoverFully() throws Exception {
        for (long cap : new long[] {320L << 10, 8L << 20}) {
            List<String> lines = HostileRaceTest.runChild(
                    CapChild.class, List.of("-Dgmalloc.maxBytes=" + cap), Long.toString(cap), "7", "3000");
            assertThat(lines).as("cap %d", cap).noneMatch(l -> l.startsWith("bad"));
            assertThat(lines)
                    .anySatisfy(l -> assertThat(l).startsWith("done ooms=").contains(" live=0 "));
        }
    }
}
