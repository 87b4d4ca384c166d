package io.gmalloc.processor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The pure layout planner and bucket rule, table-driven; figures are gcc's on x86-64 / aarch64 LP64. */
class LayoutPlannerTest {

    /** Rows: members as size/alignment pairs, expected offsets, size, alignment. */
    static Stream<Arguments> structs() {
        return Stream.of(
                row("float x,y,z", "4/4 4/4 4/4", "0 4 8", 12, 4),
                row("byte only", "1/1", "0", 1, 1),
                row("char then byte: tail padding", "2/2 1/1", "0 2", 4, 2),
                row("byte long short", "1/1 8/8 2/2", "0 8 16", 24, 8),
                row("long byte: tail padding to 8", "8/8 1/1", "0 8", 16, 8),
                row("byte int byte", "1/1 4/4 1/1", "0 4 8", 12, 4),
                row("short byte short", "2/2 1/1 2/2", "0 2 4", 6, 2),
                row("all primitives, declared badly", "1/1 8/8 2/2 1/1 2/2 8/8 4/4", "0 8 16 18 20 24 32", 40, 8),
                row("nested Vec3 x2 + float", "12/4 12/4 4/4", "0 12 24", 28, 4),
                row("byte then nested 16/8", "1/1 16/8", "0 8", 24, 8),
                row("nested 6/2 then byte", "6/2 1/1", "0 6", 8, 2));
    }

    private static Arguments row(String name, String members, String offsets, long size, long alignment) {
        return Arguments.of(name, members, offsets, size, alignment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structs")
    void placesMembersLikeGcc(String name, String members, String offsets, long size, long alignment) {
        List<LayoutPlanner.Member> list = new ArrayList<>();
        for (String member : members.split(" ")) {
            String[] sizeAndAlign = member.split("/");
            list.add(new LayoutPlanner.Member(
                    "m" + list.size(), Long.parseLong(sizeAndAlign[0]), Long.parseLong(sizeAndAlign[1])));
        }
        LayoutPlanner.Plan plan = LayoutPlanner.plan(list);
        assertThat(plan.offsets())
                .containsExactlyElementsOf(
                        Arrays.stream(offsets.split(" ")).map(Long::valueOf).toList());
        assertThat(plan.sizeBytes()).isEqualTo(size);
        assertThat(plan.alignment()).isEqualTo(alignment);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            float x,y,z                    | 4/4 4/4 4/4                 | 0 0 0           | 0
            char then byte: tail padding   | 2/2 1/1                     | 0 0             | 1
            byte long short                | 1/1 8/8 2/2                 | 0 7 0           | 6
            all primitives, declared badly | 1/1 8/8 2/2 1/1 2/2 8/8 4/4 | 0 7 0 0 1 2 0   | 4
            byte then nested 16/8          | 1/1 16/8                    | 0 7             | 0
            """)
    void decidesPaddingOnceBeforeEachMemberAndAtTheEnd(
            String name, String members, String paddingBefore, long trailing) {
        List<LayoutPlanner.Member> list = new ArrayList<>();
        for (String member : members.split(" ")) {
            String[] sizeAndAlign = member.split("/");
            list.add(new LayoutPlanner.Member(
                    "m" + list.size(), Long.parseLong(sizeAndAlign[0]), Long.parseLong(sizeAndAlign[1])));
        }
        LayoutPlanner.Plan plan = LayoutPlanner.plan(list);
        assertThat(plan.paddingBeforeBytes())
                .containsExactlyElementsOf(Arrays.stream(paddingBefore.split(" "))
                        .map(Long::valueOf)
                        .toList());
        assertThat(plan.trailingPaddingBytes()).isEqualTo(trailing);
        long total = plan.trailingPaddingBytes();
        for (int i = 0; i < list.size(); i++) {
            total += plan.paddingBeforeBytes().get(i) + list.get(i).sizeBytes();
        }
        assertThat(total).as("members and padding fill the struct exactly").isEqualTo(plan.sizeBytes());
    }

    @Test
    void rejectsEmptyStructsAndBadMembers() {
        assertThatThrownBy(() -> LayoutPlanner.plan(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LayoutPlanner.Member("m", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LayoutPlanner.Member("m", 4, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "size {0}, dedicated {1} -> {2}")
    @CsvSource({
        "1, false, SPECIAL",
        "4, false, SPECIAL",
        "8, false, GENERAL",
        "12, false, SPECIAL",
        "16, false, GENERAL",
        "16, true, SPECIAL",
        "28, false, SPECIAL",
        "512, false, GENERAL",
        "512, true, SPECIAL",
        "520, false, SPECIAL",
        "65536, false, SPECIAL",
        "65537, false, SYSTEM",
        "65544, true, SYSTEM",
    })
    void choosesBucketLikeTheSeed(long size, boolean dedicated, BucketKind expected) {
        assertThat(BucketKind.choose(size, dedicated)).isEqualTo(expected);
    }
}
