package org.exitbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.Sentiment;
import org.exitbot.analysis.Theme;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.Visibility;
import org.exitbot.report.ReportFixtures.Seed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An attacker with every filter HR can set (from and to on any day, any department or all) and every interview HR
 * sees one by one (the attributed ones) differences each pair of figures, and each total minus its visible groups:
 * whenever a difference holds fewer than k anonymous interviews, it must be explained by attributed interviews
 * alone, so that no anonymous interview's score or themes come out. k = 5. The seeded interviews are invited in
 * the first half of 1999, which no other test uses, in departments of their own.
 */
class DifferencingTest extends ExitBotIntegrationTest {

    private static final int K = 5;
    private static final Theme[] THEMES = {Theme.WORKLOAD_STRESS, Theme.RECOGNITION, Theme.ROLE_FIT,
            Theme.TEAM_CULTURE};

    @Autowired
    ReportService reports;

    @Autowired
    ThemeFigures themeFigures;

    @Autowired
    JdbcTemplate jdbc;

    /** One interview as the test knows it. */
    private record Person(UUID id, boolean anonymous, String department, LocalDate invited, double score,
            Set<Theme> themes) {
    }

    /**
     * What one published figure tells about the analysed interviews it selects: how many it counted, the sum of
     * their scores, and how many found each theme; null where the figure does not say.
     */
    private record Figure(String name, Set<UUID> selection, Integer n, Double sum, Map<Theme, Integer> themes) {
    }

    private final List<Person> people = new ArrayList<>();
    private int seeded;

    @Test
    void noDifferenceOfFiguresRevealsAnAnonymousInterview() {
        var fixtures = new ReportFixtures(jdbc);
        String a = ReportFixtures.department();
        String b = ReportFixtures.department();
        String c = ReportFixtures.department();
        seed(fixtures, a, 1, 5, 0);
        seed(fixtures, a, 2, 0, 1);
        seed(fixtures, a, 3, 5, 1);
        seed(fixtures, a, 4, 0, 5);
        seed(fixtures, a, 6, 0, 1);
        seed(fixtures, b, 1, 4, 0);
        seed(fixtures, b, 2, 2, 5);
        seed(fixtures, b, 3, 1, 0);
        seed(fixtures, c, 5, 0, 1);
        seed(fixtures, c, 6, 5, 5);

        List<Figure> figures = new ArrayList<>();
        for (String department : Arrays.asList(null, a, b, c)) {
            for (LocalDate from : bounds(true)) {
                for (LocalDate to : bounds(false)) {
                    if (to != null && (from == null || !from.isAfter(to))) {
                        figures.addAll(published(new ReportFilter(from, to, department), department));
                    }
                }
            }
        }
        List<Figure> distinct = List.copyOf(figures.stream()
                .collect(Collectors.toMap(f -> List.of(f.selection(), String.valueOf(f.n()), String.valueOf(f.sum()),
                        f.themes()), f -> f, (x, y) -> x, LinkedHashMap::new)).values());

        var leaks = new ArrayList<String>();
        for (Figure whole : distinct) {
            for (Figure part : distinct) {
                if (whole != part && whole.selection().containsAll(part.selection())) {
                    leak(whole, part).ifPresent(leaks::add);
                }
            }
            leak(whole, new Figure("nothing", Set.of(), 0, 0.0, zeroThemes())).ifPresent(leaks::add);
        }
        assertThat(leaks).as("differences that reveal anonymous interviews").isEmpty();
        assertThat(distinct.stream().filter(f -> f.n() != null && f.n() > 0).count())
                .as("the seeded data set gives figures at all").isGreaterThan(10);
    }

    /** Why {@code whole} minus {@code part} tells of fewer than k anonymous interviews, if it does. */
    private java.util.Optional<String> leak(Figure whole, Figure part) {
        Set<UUID> difference = new HashSet<>(whole.selection());
        difference.removeAll(part.selection());
        List<Person> anonymous = people.stream().filter(p -> p.anonymous() && difference.contains(p.id())).toList();
        if (anonymous.isEmpty() || anonymous.size() >= K) {
            return java.util.Optional.empty();
        }
        List<Person> attributed = people.stream().filter(p -> !p.anonymous() && difference.contains(p.id())).toList();
        String pair = whole.name() + " minus " + part.name() + " (" + anonymous.size() + " anonymous, "
                + attributed.size() + " attributed): ";
        if (whole.n() != null && part.n() != null) {
            int n = whole.n() - part.n();
            if (n > attributed.size()) {
                return java.util.Optional.of(pair + "counts " + n);
            }
            if (whole.sum() != null && part.sum() != null) {
                double sum = whole.sum() - part.sum();
                double attributedSum = attributed.stream().mapToDouble(Person::score).sum();
                if (n == 0 && Math.abs(sum) > 1e-6 || n == attributed.size() && Math.abs(sum - attributedSum) > 1e-6) {
                    return java.util.Optional.of(pair + "score sum " + sum);
                }
            }
        }
        for (Theme theme : THEMES) {
            Integer wholeCount = whole.themes().get(theme);
            Integer partCount = part.themes().get(theme);
            if (wholeCount != null && partCount != null && wholeCount - partCount > attributed.stream()
                    .filter(p -> p.themes().contains(theme)).count()) {
                return java.util.Optional.of(pair + theme + " " + (wholeCount - partCount));
            }
        }
        return java.util.Optional.empty();
    }

    /** Every figure of the filter's overview and of the theme counts that says anything. */
    private List<Figure> published(ReportFilter filter, String department) {
        String name = filter.from() + " to " + filter.to() + ", " + (department == null ? "all" : department);
        Set<UUID> selected = people.stream().filter(p -> selects(filter, department, p)).map(Person::id)
                .collect(Collectors.toSet());
        var figures = new ArrayList<Figure>();
        ReportSummary summary = reports.summary(filter);
        Set<UUID> visible = new HashSet<>();
        int visibleN = 0;
        double visibleSum = 0;
        for (var group : summary.sentimentByMonth()) {
            Set<UUID> members = people.stream().filter(p -> selected.contains(p.id())
                    && p.invited().toString().startsWith(group.interviews().group())).map(Person::id)
                    .collect(Collectors.toSet());
            if (!group.interviews().suppressed()) {
                figures.add(new Figure(name + " month " + group.interviews().group(), members,
                        group.interviews().count(), group.interviews().count() * group.averageScore(), Map.of()));
                visible.addAll(members);
                visibleN += group.interviews().count();
                visibleSum += group.interviews().count() * group.averageScore();
            }
        }
        figures.add(new Figure(name + " visible months", visible, visibleN, visibleSum, Map.of()));
        for (var group : summary.sentimentByDepartment()) {
            if (!group.interviews().suppressed()) {
                figures.add(new Figure(name + " department " + group.interviews().group(),
                        people.stream().filter(p -> selected.contains(p.id())
                                && p.department().equals(group.interviews().group())).map(Person::id)
                                .collect(Collectors.toSet()),
                        group.interviews().count(), group.interviews().count() * group.averageScore(), Map.of()));
            }
        }
        Map<Theme, Integer> themes = new EnumMap<>(Theme.class);
        for (Theme theme : THEMES) {
            themes.put(theme, 0);
        }
        for (var theme : summary.topThemes()) {
            if (theme.suppressed()) {
                themes.remove(Theme.valueOf(theme.group().toUpperCase(java.util.Locale.ROOT)));
            } else {
                themes.put(Theme.valueOf(theme.group().toUpperCase(java.util.Locale.ROOT)), theme.count());
            }
        }
        figures.add(new Figure(name + " themes", selected, null, null, summary.invited().suppressed() ? Map.of() : themes));
        var counts = themeFigures.counts(filter);
        Map<Theme, Integer> counted = new EnumMap<>(Theme.class);
        for (Theme theme : THEMES) {
            if (!counts.of(theme).suppressed()) {
                counted.put(theme, counts.of(theme).count());
            }
        }
        figures.add(new Figure(name + " theme counts", selected, counts.interviews().count(), null, counted));
        return figures;
    }

    private static boolean selects(ReportFilter filter, String department, Person p) {
        return (department == null || department.equals(p.department()))
                && (filter.from() == null || !p.invited().isBefore(filter.from()))
                && !p.invited().isAfter(filter.to());
    }

    /** The 1st and 15th of each month as a start, the 14th and last day as an end: HR may pick any day. */
    private static List<LocalDate> bounds(boolean start) {
        var days = new ArrayList<LocalDate>();
        if (start) {
            days.add(null);
        }
        for (int month = 1; month <= 6; month++) {
            LocalDate first = LocalDate.of(1999, month, 1);
            days.add(start ? first : first.withDayOfMonth(14));
            days.add(start ? first.withDayOfMonth(15) : first.with(TemporalAdjusters.lastDayOfMonth()));
        }
        return days;
    }

    /** Seeds interviews in one department and month, each on a day of its own, with scores and themes of its own. */
    private void seed(ReportFixtures fixtures, String department, int month, int attributed, int anonymous) {
        for (int i = 0; i < attributed + anonymous; i++) {
            seeded++;
            LocalDate invited = LocalDate.of(1999, month, 1 + i * 2);
            double score = Math.round((seeded * 0.137 % 2 - 1) * 1000) / 1000.0;
            Theme first = THEMES[seeded % THEMES.length];
            Set<Theme> themes = seeded % 3 == 0 ? Set.of(first, THEMES[(seeded + 1) % THEMES.length]) : Set.of(first);
            boolean anon = i >= attributed;
            Instant at = invited.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600);
            UUID id = fixtures.insert(new Seed(department, anon ? Visibility.ANONYMOUS : Visibility.ATTRIBUTED,
                    InterviewStatus.COMPLETED, true, at, java.time.Duration.ofHours(30),
                    score < 0 ? Sentiment.NEGATIVE : Sentiment.POSITIVE, score, first, List.copyOf(themes),
                    "voluntary"));
            people.add(new Person(id, anon, department, invited, score, themes));
        }
    }

    private static Map<Theme, Integer> zeroThemes() {
        Map<Theme, Integer> zero = new EnumMap<>(Theme.class);
        for (Theme theme : THEMES) {
            zero.put(theme, 0);
        }
        return zero;
    }
}
