package org.exitbot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.exitbot.analysis.Sentiment;
import org.exitbot.analysis.Theme;
import org.exitbot.demo.DemoCast.Ending;
import org.exitbot.demo.DemoCast.Part;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cast covers what the demo must show, and is laid out so that the reports' cell rule (a month of a department
 * counts only with at least k of a figure's interviews, and no anonymous one or at least k) suppresses none of it.
 */
class DemoCastTest {

    private static final List<String> LOCALES = List.of("de", "en", "es", "fr");
    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");

    private record Cell(YearMonth month, String department) {
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 8})
    void coversEveryDepartmentMonthLanguageMoodThemeAndEndingInCellsThatAreNeverSuppressed(int k) {
        List<Part> cast = DemoCast.of(150, LOCALES, k, NOW);

        assertThat(cast).hasSize(Math.max(150, DemoCast.CELLS * (k + 1)));
        assertThat(cast.stream().map(Part::department).distinct()).hasSize(8);
        YearMonth current = YearMonth.from(NOW.atZone(ZoneOffset.UTC));
        assertThat(cast.stream().map(Part::month).collect(Collectors.toSet()))
                .as("the 12 ended months before this one")
                .isEqualTo(Set.copyOf(java.util.stream.IntStream.rangeClosed(1, 12)
                        .mapToObj(current::minusMonths).toList()));
        assertThat(cast).allMatch(part -> part.happenedAt().isBefore(NOW));
        for (String locale : LOCALES) {
            assertThat(cast.stream().filter(p -> p.locale().equals(locale)).map(p -> p.moods().get(0)).distinct())
                    .as("first-answer moods in %s", locale)
                    .containsExactlyInAnyOrder(Sentiment.NEGATIVE, Sentiment.MIXED, Sentiment.POSITIVE,
                            Sentiment.NEUTRAL);
        }
        var firstThemes = EnumSet.noneOf(Theme.class);
        cast.stream().filter(p -> p.ending() == Ending.COMPLETED).forEach(p -> firstThemes.add(p.themes().get(0)));
        assertThat(firstThemes).as("every theme leads a completed interview").containsExactlyInAnyOrder(Theme.values());
        for (Theme theme : Theme.values()) {
            assertThat(cast.stream().filter(p -> p.ending() == Ending.COMPLETED && p.themes().get(0) == theme).count())
                    .as("completed interviews led by %s", theme).isGreaterThanOrEqualTo(k);
        }
        assertThat(cast.stream().map(Part::ending).distinct()).containsExactlyInAnyOrder(Ending.values());
        assertThat(cast).anyMatch(Part::anonymous).anyMatch(p -> !p.anonymous());

        Map<Cell, List<Part>> cells = cast.stream()
                .collect(Collectors.groupingBy(p -> new Cell(p.month(), p.department())));
        assertThat(cells).hasSize(DemoCast.CELLS);
        cells.forEach((cell, parts) -> {
            long completed = parts.stream().filter(p -> p.ending() == Ending.COMPLETED).count();
            long anonymous = parts.stream().filter(Part::anonymous).count();
            assertThat(completed).as("completed in %s", cell).isGreaterThanOrEqualTo(k);
            assertThat(anonymous).as("anonymous in %s: none or all", cell).isIn(0L, (long) parts.size());
        });
        assertThat(cells.keySet().stream().map(Cell::month).distinct()).hasSize(12);
        var anonymousGroups = cast.stream().filter(Part::anonymous).map(Part::department).distinct().toList();
        assertThat(anonymousGroups).as("groups whose anonymous comments open").hasSizeGreaterThanOrEqualTo(2);
        for (String group : anonymousGroups) {
            assertThat(cast.stream().filter(p -> p.anonymous() && p.department().equals(group))
                    .filter(p -> p.ending() == Ending.COMPLETED).map(Part::month).distinct())
                    .as("%s's anonymous interviews, in one month", group).hasSize(1);
        }
        Map<Integer, Long> dropouts = cast.stream().filter(p -> p.ending() != Ending.COMPLETED)
                .collect(Collectors.groupingBy(Part::endsAt, Collectors.counting()));
        assertThat(dropouts.keySet()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(dropouts.values()).as("dropouts per question").allMatch(n -> n >= Math.min(k, 8));
        assertThat(DemoCast.of(150, LOCALES, k, NOW)).as("the same on every load").isEqualTo(cast);
    }
}
