package org.exitbot.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.exitbot.analysis.Sentiment;
import org.exitbot.analysis.Theme;

/**
 * Who the demo interviews are with and how each goes, the same on every load: 8 departments, 12 months, the four
 * languages, every theme as the first answer's (and so the main reason) in turn, a mood per interview (negative,
 * mixed, positive or neutral), some anonymous, some stopped, some expired, each reviewed by HR (an open demo
 * review would wait in Tasklist and count in the overdue digest as real work).
 */
final class DemoCast {

    static final List<String> DEPARTMENTS = List.of("Engineering", "Sales", "Marketing", "Finance",
            "Customer Support", "Operations", "People", "Product");
    private static final List<String> FIRST_NAMES = List.of("Alex", "Sam", "Robin", "Kim", "Charlie", "Noa", "Luca",
            "Maria", "Jonas", "Camille", "Lea", "Mateo", "Ines", "Felix", "Zoe", "Hugo", "Sofia");
    private static final List<String> LAST_NAMES = List.of("Demo", "Sample", "Example", "Muster", "Exemple",
            "Ejemplo", "Probe", "Essai", "Prueba", "Placeholder", "Testwood");
    static final int MONTHS = 12;

    enum Ending { COMPLETED, STOPPED, EXPIRED }

    /**
     * @param endsAt        the question at which the employee stops or the window closes (1 = before any answer)
     * @param moods         the sentiment of the answer to each question, in order
     * @param themes        the theme of the answer to each question, in order
     * @param happenedAt    when the interview is dated, once it has run
     */
    record Part(int number, String employeeId, String name, String department, String locale, boolean anonymous,
            Ending ending, int endsAt, List<Sentiment> moods, List<Theme> themes, Instant happenedAt) {

        String email() {
            return employeeId.toLowerCase(java.util.Locale.ROOT) + "@demo.invalid";
        }

        Duration backdating(Instant now) {
            return Duration.between(happenedAt, now);
        }
    }

    private static final List<List<Sentiment>> MOODS = List.of(
            List.of(Sentiment.NEGATIVE, Sentiment.NEGATIVE, Sentiment.NEGATIVE, Sentiment.NEUTRAL),
            List.of(Sentiment.MIXED, Sentiment.POSITIVE, Sentiment.NEGATIVE, Sentiment.MIXED),
            List.of(Sentiment.NEGATIVE, Sentiment.NEGATIVE, Sentiment.MIXED, Sentiment.NEGATIVE),
            List.of(Sentiment.POSITIVE, Sentiment.POSITIVE, Sentiment.POSITIVE, Sentiment.NEUTRAL),
            List.of(Sentiment.NEUTRAL, Sentiment.NEUTRAL, Sentiment.NEUTRAL, Sentiment.NEUTRAL));

    private DemoCast() {
    }

    static List<Part> of(int count, List<String> locales, Instant now) {
        Theme[] themes = Theme.values();
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        var parts = new ArrayList<Part>();
        for (int i = 0; i < count; i++) {
            Ending ending = i % 10 == 3 ? Ending.STOPPED : i % 10 == 7 ? Ending.EXPIRED : Ending.COMPLETED;
            var answerThemes = List.of(themes[i % themes.length], themes[(i + 4) % themes.length],
                    themes[(i + 8) % themes.length], themes[(i + 11) % themes.length]);
            parts.add(new Part(i + 1, "DEMO-%04d".formatted(i + 1),
                    FIRST_NAMES.get(i % FIRST_NAMES.size()) + " " + LAST_NAMES.get(i / FIRST_NAMES.size() % LAST_NAMES.size()),
                    DEPARTMENTS.get(i % DEPARTMENTS.size()), locales.get(i / DEPARTMENTS.size() % locales.size()),
                    i % 7 == 5, ending, ending == Ending.COMPLETED ? 0 : 1 + i / 10 % 3, MOODS.get(i % MOODS.size()),
                    answerThemes, happenedAt(i, today, now)));
        }
        return parts;
    }

    /** A working hour of a day in the (i mod 12)-th month back from this one, never later than an hour ago. */
    private static Instant happenedAt(int i, LocalDate today, Instant now) {
        YearMonth month = YearMonth.from(today).minusMonths(i % MONTHS);
        int lastDay = month.equals(YearMonth.from(today)) ? today.getDayOfMonth() : month.lengthOfMonth();
        Instant at = month.atDay(1 + (i * 7 + i / MONTHS) % lastDay).atTime(9 + i % 8, i % 60)
                .toInstant(ZoneOffset.UTC);
        Instant latest = now.minus(Duration.ofHours(1));
        return at.isAfter(latest) ? latest : at;
    }
}
