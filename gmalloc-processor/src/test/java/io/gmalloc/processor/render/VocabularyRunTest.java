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
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compile-and-run tests of the struct vocabulary (docs/structs.md): fixed arrays, inline UTF-8 strings, enums,
 * big-endian components and atomics, through the generated accessors, against the raw bytes at the expected
 * offsets, and for every bad string, array and ordinal.
 */
class VocabularyRunTest {
    private static ClassLoader loader;

    @BeforeAll
    static void compileAndLoad() {
        Compilation compilation = ProcessorRun.compile(ProcessorRun.sources(
                "good/com/example/Vec3.java",
                "good/com/example/Side.java",
                "good/com/example/Order.java",
                "good/com/example/Wire.java",
                "good/com/example/Level.java",
                "good/com/example/Book.java",
                "good/com/example/Quote.java",
                "good/com/example/Many.java",
                "good/com/example/Coded.java",
                "good/com/example/Counter.java"));
        assertThat(compilation).succeededWithoutWarnings();
        loader = ProcessorRun.classLoader(compilation);
    }

    private static Bucket bucket(String name) {
        return Bucket.of(loader, name);
    }

    private static Object record(String name, Object... components) {
        return Bucket.record(loader, name, components);
    }

    private static Object side(String name) {
        return constantOf("Side", name);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object constantOf(String enumName, String constant) {
        try {
            return Enum.valueOf((Class) Class.forName("com.example." + enumName, true, loader), constant);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static Object order(String symbol) {
        return record(
                "Order",
                symbol,
                side("SELL"),
                new int[] {10, -20, 30, Integer.MAX_VALUE},
                vec3Array(record("Vec3", 1f, 2f, 3f), record("Vec3", 4f, 5f, 6f)),
                0x01020304,
                77L,
                new short[] {0x1234, (short) 0xABCD},
                new boolean[] {true, false, true},
                5);
    }

    /** Runs {@code test} on a fresh block of {@code bucket}, freed afterwards. */
    private static void withBlock(Bucket bucket, Object value, Consumer<Long> test) {
        long address = value == null ? bucket.address("alloc") : bucket.address("alloc", value);
        try {
            test.accept(address);
        } finally {
            bucket.call("free", address);
        }
    }

    private static byte[] bytes(Bucket bucket, long address) {
        return ((MemorySegment) bucket.call("segment", address)).toArray(ValueLayout.JAVA_BYTE);
    }

    private static Object[] vec3Array(Object... elements) {
        Object[] array = (Object[]) java.lang.reflect.Array.newInstance(elements[0].getClass(), elements.length);
        System.arraycopy(elements, 0, array, 0, elements.length);
        return array;
    }

    private static Object orderWith(Object[] corners) {
        return record("Order", "X", side("BUY"), new int[4], corners, 0, 0L, new short[2], new boolean[3], 0);
    }

    @Test
    void everyKindRoundTripsThroughAccessorsAndLoad() {
        Bucket order = bucket("OrderBucket");
        Object value = record(
                "Order",
                "EURUSD",
                side("SELL"),
                new int[] {10, -20, 30, Integer.MAX_VALUE},
                vec3Array(record("Vec3", 1f, 2f, 3f), record("Vec3", 4f, 5f, 6f)),
                0x01020304,
                77L,
                new short[] {0x1234, (short) 0xABCD},
                new boolean[] {true, false, true},
                5);
        withBlock(order, value, address -> {
            assertThat(order.call("load", address)).usingRecursiveComparison().isEqualTo(value);
            assertThat(order.call("symbol", address)).isEqualTo("EURUSD");
            assertThat(order.call("side", address)).isEqualTo(side("SELL"));
            assertThat(order.call("levels", address, 3L)).isEqualTo(Integer.MAX_VALUE);
            assertThat(order.call("levels", address)).isEqualTo(new int[] {10, -20, 30, Integer.MAX_VALUE});
            assertThat(order.call("corners", address, 1L)).isEqualTo(record("Vec3", 4f, 5f, 6f));
            assertThat(order.call("seq", address)).isEqualTo(0x01020304);
            assertThat(order.call("fills", address)).isEqualTo(77L);
            assertThat(order.call("ports", address, 1L)).isEqualTo((short) 0xABCD);
            assertThat(order.call("flags", address)).isEqualTo(new boolean[] {true, false, true});
            assertThat(order.call("hits", address)).isEqualTo(5);

            order.call("symbol", address, "é€");
            order.call("side", address, side("BUY"));
            order.call("levels", address, 0L, -1);
            order.call("corners", address, 0L, record("Vec3", 9f, 8f, 7f));
            order.call("ports", address, new short[] {1, 2});
            order.call("flags", address, 1L, true);
            assertThat(order.call("symbol", address)).isEqualTo("é€");
            assertThat(order.call("side", address)).isEqualTo(side("BUY"));
            assertThat(order.call("levels", address, 0L)).isEqualTo(-1);
            assertThat(order.call("corners", address))
                    .usingRecursiveComparison()
                    .isEqualTo(vec3Array(record("Vec3", 9f, 8f, 7f), record("Vec3", 4f, 5f, 6f)));
            assertThat(order.call("ports", address)).isEqualTo(new short[] {1, 2});
            assertThat(order.call("flags", address)).isEqualTo(new boolean[] {true, true, true});
            assertThat(order.constant("LEVELS_LENGTH")).isEqualTo(4);
            assertThat(order.constant("CORNERS_LENGTH")).isEqualTo(2);
            assertThat(order.address("cornersAddress", address)).isEqualTo(address + 28);
            assertThat(bucket("Vec3Bucket").call("y", order.address("cornersAddress", address) + 12))
                    .isEqualTo(5f);
        });
    }

    @Test
    void componentsLieAtTheirCOffsetsInTheirByteOrder() {
        Bucket order = bucket("OrderBucket");
        Object value = record(
                "Order",
                "AB",
                side("SELL"),
                new int[] {0x11223344, 2, 3, 4},
                vec3Array(record("Vec3", 1f, 2f, 3f), record("Vec3", 4f, 5f, 6f)),
                0x01020304,
                0x0A0B0C0D0E0F1011L,
                new short[] {0x1234, (short) 0xABCD},
                new boolean[] {true, false, true},
                0x55667788);
        withBlock(order, value, address -> {
            MemorySegment raw = (MemorySegment) order.call("segment", address);
            assertThat(raw.byteSize()).isEqualTo(80);
            assertThat(raw.asSlice(0, 8).toArray(ValueLayout.JAVA_BYTE)).containsExactly('A', 'B', 0, 0, 0, 0, 0, 0);
            assertThat(raw.get(ValueLayout.JAVA_BYTE, 8)).as("SELL's ordinal").isEqualTo((byte) 1);
            assertThat(raw.get(ValueLayout.JAVA_INT_UNALIGNED, 12)).isEqualTo(0x11223344);
            assertThat(raw.get(ValueLayout.JAVA_FLOAT_UNALIGNED, 28 + 12 + 4)).isEqualTo(5f);
            assertThat(raw.asSlice(52, 4).toArray(ValueLayout.JAVA_BYTE))
                    .as("big-endian seq")
                    .containsExactly(0x01, 0x02, 0x03, 0x04);
            assertThat(raw.get(ValueLayout.JAVA_LONG_UNALIGNED, 56)).isEqualTo(0x0A0B0C0D0E0F1011L);
            assertThat(raw.asSlice(64, 4).toArray(ValueLayout.JAVA_BYTE))
                    .as("big-endian ports")
                    .containsExactly(0x12, 0x34, 0xAB - 256, 0xCD - 256);
            assertThat(raw.asSlice(68, 3).toArray(ValueLayout.JAVA_BYTE)).containsExactly(1, 0, 1);
            assertThat(raw.get(ValueLayout.JAVA_INT_UNALIGNED, 72)).isEqualTo(0x55667788);

            StructLayout layout = (StructLayout) order.constant("LAYOUT");
            assertThat(layout.byteSize()).isEqualTo(80);
            String[] names = {"symbol", "side", "levels", "corners", "seq", "fills", "ports", "flags", "hits"};
            long[] offsets = {0, 8, 12, 28, 52, 56, 64, 68, 72};
            for (int i = 0; i < names.length; i++) {
                assertThat(layout.byteOffset(PathElement.groupElement(names[i])))
                        .as(names[i])
                        .isEqualTo(offsets[i]);
            }
            VarHandle seq = layout.varHandle(PathElement.groupElement("seq"));
            assertThat((int) seq.get(raw, 0L)).as("LAYOUT reads seq big-endian").isEqualTo(0x01020304);
            VarHandle port = layout.varHandle(PathElement.groupElement("ports"), PathElement.sequenceElement(0));
            assertThat((short) port.get(raw, 0L)).isEqualTo((short) 0x1234);
        });
    }

    @Test
    void bigEndianRecordStoresEveryMultiByteComponentInNetworkOrder() {
        Bucket wire = bucket("WireBucket");
        Object value = record(
                "Wire",
                (short) 0x1234,
                0x01020304,
                0x1112131415161718L,
                Double.longBitsToDouble(0x2122232425262728L),
                (char) 0xABCD,
                (byte) 0x7F,
                Float.intBitsToFloat(0x31323334));
        withBlock(wire, value, address -> {
            assertThat(wire.call("load", address)).isEqualTo(value);
            byte[] raw = bytes(wire, address);
            // port@0 seq@4 stamp@8 price@16 tag@24 ttl@26 ratio@28, size 32
            assertThat(raw).hasSize(32);
            assertThat(slice(raw, 0, 2)).containsExactly(0x12, 0x34);
            assertThat(slice(raw, 4, 4)).containsExactly(0x01, 0x02, 0x03, 0x04);
            assertThat(slice(raw, 8, 8)).containsExactly(0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18);
            assertThat(slice(raw, 16, 8)).containsExactly(0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28);
            assertThat(slice(raw, 24, 2)).containsExactly(0xAB - 256, 0xCD - 256);
            assertThat(raw[26]).isEqualTo((byte) 0x7F);
            assertThat(slice(raw, 28, 4)).containsExactly(0x31, 0x32, 0x33, 0x34);
            wire.call("seq", address, 0x0A0B0C0D);
            assertThat(slice(bytes(wire, address), 4, 4)).containsExactly(0x0A, 0x0B, 0x0C, 0x0D);
            StructLayout layout = (StructLayout) wire.constant("LAYOUT");
            assertThat(((ValueLayout) layout.select(PathElement.groupElement("stamp"))).order())
                    .isEqualTo(ByteOrder.BIG_ENDIAN);
        });
    }

    private static byte[] slice(byte[] raw, int from, int length) {
        return java.util.Arrays.copyOfRange(raw, from, from + length);
    }

    @Test
    void atomicCountersCountExactlyFromTwoThreads() throws InterruptedException {
        Bucket order = bucket("OrderBucket");
        withBlock(order, null, address -> {
            int perThread = 50_000;
            CountDownLatch start = new CountDownLatch(1);
            Runnable work = () -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    order.call("fillsGetAndAdd", address, 1L);
                    int seen;
                    do {
                        seen = (Integer) order.call("hitsVolatile", address);
                    } while (!(Boolean) order.call("hitsCompareAndSet", address, seen, seen + 2));
                }
            };
            Thread first = Thread.ofPlatform().start(work);
            Thread second = Thread.ofPlatform().start(work);
            start.countDown();
            try {
                first.join();
                second.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertThat(order.call("fillsVolatile", address)).isEqualTo(2L * perThread);
            assertThat(order.call("hits", address)).isEqualTo(4 * perThread);
            order.call("hitsVolatile", address, -1);
            assertThat(order.call("hits", address)).isEqualTo(-1);
            assertThat(order.call("fillsGetAndAdd", address, 5L)).isEqualTo(2L * perThread);
            assertThat(order.call("hitsCompareAndSet", address, 0, 1)).isEqualTo(false);
        });
        Bucket book = bucket("BookBucket");
        withBlock(book, null, address -> {
            assertThat(book.call("fillsGetAndAdd", address, 3)).isEqualTo(0);
            assertThat(book.call("fills", address)).isEqualTo(3);
        });
    }

    @Test
    void atomicComponentsAreNaturallyAlignedInEveryBlock() {
        Bucket order = bucket("OrderBucket");
        long[] addresses = new long[64];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = order.address("alloc");
        }
        long base = order.address("allocArray", 5L);
        try {
            for (long address : addresses) {
                assertThat((address + 56) % 8).as("fills of 0x%x", address).isZero();
            }
            for (long i = 0; i < 5; i++) {
                long element = order.address("elementAddress", base, i);
                assertThat((element + 56) % 8).isZero();
                order.call("fillsGetAndAdd", element, i);
                order.call("hitsGetAndAdd", element, 1);
            }
            assertThat(order.call("fills", order.address("elementAddress", base, 4L)))
                    .isEqualTo(4L);
        } finally {
            for (long address : addresses) {
                order.call("free", address);
            }
            order.call("freeArray", base);
        }
        Bucket counter = bucket("CounterBucket");
        assertThat(counter.constant("SIZE")).isEqualTo(16L);
        assertThat(counter.constant("ALIGNMENT")).isEqualTo(8L);
        long[] counters = new long[256];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = counter.address("alloc");
        }
        try {
            for (long address : counters) {
                assertThat((address + 8) % 8)
                        .as("special-bucket count of 0x%x", address)
                        .isZero();
                assertThat(counter.call("countGetAndAdd", address, 2L)).isEqualTo(0L);
                assertThat(counter.call("countCompareAndSet", address, 2L, 3L)).isEqualTo(true);
            }
        } finally {
            for (long address : counters) {
                counter.call("free", address);
            }
        }
    }

    @Test
    void rejectsBadStringsNamingComponentByteCountAndLimitAndWritesNothing() {
        Bucket order = bucket("OrderBucket");
        withBlock(order, order("AB"), address -> {
            byte[] before = bytes(order, address);
            assertThatThrownBy(() -> order.call("symbol", address, "ABCDEFGHI"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'symbol'")
                    .hasMessageContaining("9 UTF-8 bytes")
                    .hasMessageContaining("8")
                    .hasMessageContaining("nothing was written");
            assertThatThrownBy(() -> order.call("symbol", address, "€€€"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("9 UTF-8 bytes");
            assertThatThrownBy(() -> order.call("symbol", address, "A\0B"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'symbol'")
                    .hasMessageContaining("NUL")
                    .hasMessageContaining("3 UTF-8");
            assertThatThrownBy(() -> order.call("symbol", address, (Object) null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'symbol'")
                    .hasMessageContaining("null")
                    .hasMessageContaining("8");
            assertThatThrownBy(() -> order.call("store", address, order("TOO-LONG-SYMBOL")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("15 UTF-8 bytes");
            assertThat(bytes(order, address)).as("nothing written").isEqualTo(before);
            assertThatThrownBy(() -> order.call("alloc", order("TOO-LONG-SYMBOL")))
                    .isInstanceOf(IllegalArgumentException.class);

            order.call("symbol", address, "ABCDEFGH");
            assertThat(order.call("symbol", address))
                    .as("a full field has no NUL")
                    .isEqualTo("ABCDEFGH");
            order.call("symbol", address, "");
            assertThat(order.call("symbol", address)).isEqualTo("");
            assertThat(slice(bytes(order, address), 0, 8)).containsOnly(0);
        });
    }

    @Test
    void rejectsArraysOfTheWrongLengthAndIndicesOutOfRange() {
        Bucket order = bucket("OrderBucket");
        withBlock(order, order("AB"), address -> {
            byte[] before = bytes(order, address);
            assertThatThrownBy(() -> order.call("levels", address, new int[3]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'levels'")
                    .hasMessageContaining("exactly 4")
                    .hasMessageContaining("has 3");
            assertThatThrownBy(() -> order.call("flags", address, new boolean[4]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'flags'");
            Object shortCorners = orderWith(vec3Array(record("Vec3", 1f, 1f, 1f)));
            assertThatThrownBy(() -> order.call("store", address, shortCorners))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'corners'")
                    .hasMessageContaining("exactly 2")
                    .hasMessageContaining("has 1");
            Object nullCorner = orderWith(vec3Array(record("Vec3", 1f, 1f, 1f), record("Vec3", 2f, 2f, 2f)));
            ((Object[]) nullCornersOf(nullCorner))[1] = null;
            assertThatThrownBy(() -> order.call("store", address, nullCorner))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("corners");
            assertThat(bytes(order, address)).as("nothing written").isEqualTo(before);

            for (long bad : new long[] {-1, 4, Long.MAX_VALUE}) {
                assertThatThrownBy(() -> order.call("levels", address, bad))
                        .isInstanceOf(IndexOutOfBoundsException.class);
                assertThatThrownBy(() -> order.call("levels", address, bad, 1))
                        .isInstanceOf(IndexOutOfBoundsException.class);
            }
            assertThatThrownBy(() -> order.call("corners", address, 2L)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> order.call("corners", address, 2L, record("Vec3", 0f, 0f, 0f)))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> order.call("ports", address, 2L)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(bytes(order, address)).as("nothing written").isEqualTo(before);
        });
    }

    private static Object nullCornersOf(Object order) {
        try {
            return order.getClass().getMethod("corners").invoke(order);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void enumsAreOrdinalsInTheSmallestUnsignedTypeAndBadOrdinalsAreReported() {
        Bucket order = bucket("OrderBucket");
        withBlock(order, order("AB"), address -> {
            MemorySegment raw = (MemorySegment) order.call("segment", address);
            raw.set(ValueLayout.JAVA_BYTE, 8, (byte) 7);
            assertThatThrownBy(() -> order.call("side", address))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ordinal 7")
                    .hasMessageContaining("com.example.Side");
            assertThatThrownBy(() -> order.call("load", address)).isInstanceOf(IllegalStateException.class);
            raw.set(ValueLayout.JAVA_BYTE, 8, (byte) 0xFF);
            assertThatThrownBy(() -> order.call("side", address)).hasMessageContaining("ordinal 255");
            assertThatThrownBy(() -> order.call("side", address, (Object) null))
                    .isInstanceOf(NullPointerException.class);
        });
        Bucket coded = bucket("CodedBucket");
        assertThat(coded.constant("SIZE")).isEqualTo(4L);
        withBlock(coded, record("Coded", (byte) 1, constantOf("Many", "C299")), address -> {
            MemorySegment raw = (MemorySegment) coded.call("segment", address);
            assertThat(raw.get(ValueLayout.JAVA_SHORT_UNALIGNED, 2))
                    .as("uint16_t ordinal")
                    .isEqualTo((short) 299);
            assertThat(coded.call("code", address)).isEqualTo(constantOf("Many", "C299"));
            raw.set(ValueLayout.JAVA_SHORT_UNALIGNED, 2, (short) 300);
            assertThatThrownBy(() -> coded.call("code", address))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ordinal 300")
                    .hasMessageContaining("com.example.Many");
            raw.set(ValueLayout.JAVA_SHORT_UNALIGNED, 2, (short) 0xFFFF);
            assertThatThrownBy(() -> coded.call("code", address)).hasMessageContaining("ordinal 65535");
        });
    }

    @Test
    void nestedRecordsWithStringsAndArraysAreCheckedBeforeAnythingIsWritten() {
        Bucket book = bucket("BookBucket");
        Object good = record("Level", "LSE", new int[] {1, 2}, side("BUY"));
        Object other = record("Level", "XETR", new int[] {3, 4}, side("SELL"));
        Object[] depth = (Object[]) java.lang.reflect.Array.newInstance(good.getClass(), 2);
        depth[0] = other;
        depth[1] = good;
        Object value = record("Book", good, depth, 9);
        withBlock(book, value, address -> {
            assertThat(book.call("load", address)).usingRecursiveComparison().isEqualTo(value);
            assertThat(book.call("depth", address, 0L))
                    .usingRecursiveComparison()
                    .isEqualTo(other);
            byte[] before = bytes(book, address);
            Object badVenue = record("Level", "TOOLONG", new int[] {1, 2}, side("BUY"));
            assertThatThrownBy(() -> book.call("best", address, badVenue))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'venue'");
            assertThatThrownBy(() -> book.call("depth", address, 1L, badVenue))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'venue'");
            Object badQty = record("Level", "LSE", new int[] {1}, side("BUY"));
            Object[] badDepth = depth.clone();
            badDepth[1] = badQty;
            assertThatThrownBy(() -> book.call("store", address, record("Book", good, badDepth, 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'qty'");
            Object[] nullDepth = depth.clone();
            nullDepth[1] = null;
            assertThatThrownBy(() -> book.call("depth", address, nullDepth)).isInstanceOf(NullPointerException.class);
            assertThat(bytes(book, address)).as("nothing written").isEqualTo(before);
        });
    }

    @Test
    void interfaceFlyweightHasTheVocabularyToo() throws ReflectiveOperationException {
        Bucket quote = bucket("QuoteBucket");
        Class<?> type = Class.forName("com.example.Quote", true, loader);
        withBlock(quote, null, address -> {
            try {
                Object ref = quote.call("ref", address);
                type.getMethod("symbol", String.class).invoke(ref, "VOD.L");
                type.getMethod("side", side("BUY").getClass()).invoke(ref, side("SELL"));
                type.getMethod("sizes", long[].class).invoke(ref, (Object) new long[] {1, 2, 3});
                type.getMethod("hits", int.class).invoke(ref, 4);
                assertThat(quote.call("symbol", address)).isEqualTo("VOD.L");
                assertThat(type.getMethod("side").invoke(ref)).isEqualTo(side("SELL"));
                assertThat(quote.call("sizes", address, 2L)).isEqualTo(3L);
                assertThat(quote.call("hitsGetAndAdd", address, 1)).isEqualTo(4);
                assertThat(type.getMethod("hits").invoke(ref)).isEqualTo(5);
                assertThat(type.getMethod("sizes").invoke(ref)).isEqualTo(new long[] {1, 2, 3});
                assertThatThrownBy(() -> type.getMethod("symbol", String.class).invoke(ref, "TOOLONG"))
                        .hasCauseInstanceOf(IllegalArgumentException.class);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void arrayMisuseIsReportedByTheMethodTheUserCalled() {
        Bucket vec3 = bucket("Vec3Bucket");
        assertThatThrownBy(() -> vec3.call("allocArray", -1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Vec3Bucket.allocArray")
                .hasMessageNotContaining("gcalloc");
        assertThatThrownBy(() -> vec3.call("allocArray", Long.MAX_VALUE / 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allocArray");
        long single = vec3.address("alloc");
        try {
            assertThatThrownBy(() -> vec3.call("freeArray", single))
                    .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo("io.gmalloc.InvalidFreeException"))
                    .hasMessageContaining("freeArray")
                    .hasMessageContaining("free(long)");
        } finally {
            vec3.call("free", single); // still live: the rejected freeArray changed nothing
        }
        long array = vec3.address("allocArray", 3L);
        try {
            assertThatThrownBy(() -> vec3.call("free", array))
                    .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo("io.gmalloc.InvalidFreeException"))
                    .hasMessageContaining("another bucket")
                    .hasMessageContaining("freeArray(long)");
        } finally {
            vec3.call("freeArray", array);
        }
        long one = vec3.address("allocArray", 1L);
        vec3.call("freeArray", one); // an array of one element is still an array
    }
}
