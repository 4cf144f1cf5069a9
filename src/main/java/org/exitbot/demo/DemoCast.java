package org.exitbot.demo;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exitbot.analysis.Sentiment;
import org.exitbot.analysis.Theme;

/**
 * Who the demo interviews are with and how each goes, the same on every load. The reports count a month of a
 * department (a cell) only when it holds at least k of a figure's interviews, and either no anonymous one or at
 * least k; so the cast is laid out in cells, not spread thin: each of the 8 departments has its exits in 3 of the
 * 12 ended months before this one (two departments a month, 24 cells), each cell holds at least k + 1
 * interviews of which at least k complete, and an anonymous cell is anonymous throughout (one per department for
 * three departments, enough for their anonymous comments to open). Across the cast run the four languages, every
 * theme as the first answer's (and so the main reason) in turn, a mood per interview (negative, mixed, positive
 * or neutral), and one stopped or expired interview per cell, ending at question 1, 2 or 3 in turn. Each is
 * reviewed by HR: an open demo review would wait in Tasklist and count in the overdue digest as real work.
 */
final class DemoCast {

    static final List<String> DEPARTMENTS = List.of("Engineering", "Sales", "Marketing", "Finance",
            "Customer Support", "Operations", "People", "Product");
    static final int MONTHS = 12;
    /** Months per department: 8 departments × 3 months cover the 12 months twice. */
    static final int MONTHS_PER_DEPARTMENT = 3;
    static final int CELLS = DEPARTMENTS.size() * MONTHS_PER_DEPARTMENT;
    private static final List<String> FIRST_NAMES = List.of("Alex", "Sam", "Robin", "Kim", "Charlie", "Noa", "Luca",
            "Maria", "Jonas", "Camille", "Lea", "Mateo", "Ines", "Felix", "Zoe", "Hugo", "Sofia");
    private static final List<String> LAST_NAMES = List.of("Demo", "Sample", "Example", "Muster", "Exemple",
            "Ejemplo", "Probe", "Essai", "Prueba", "Placeholder", "Testwood");
    private static final int QUESTIONS_BEFORE_AN_END = 3;

    enum Ending { COMPLETED, STOPPED, EXPIRED }

    /**
     * @param endsAt     the question at which the employee stops or the window closes (1 = before any answer); 0
     *                   when completed
     * @param moods      the sentiment of the answer to each question, in order
     * @param themes     the theme of the answer to each question, in order
     * @param happenedAt when the interview is dated, once it has run
     */
    record Part(int number, String employeeId, String name, String department, String locale, boolean anonymous,
            Ending ending, int endsAt, List<Sentiment> moods, List<Theme> themes, Instant happenedAt) {

        String email() {
            return employeeId.toLowerCase(Locale.ROOT) + "@demo.invalid";
        }

        YearMonth month() {
            return YearMonth.from(happenedAt.atZone(ZoneOffset.UTC));
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

    /** How many interviews a cast of about {@code wanted} holds under k: never fewer than k + 1 per cell. */
    static int size(int wanted, int k) {
        return Math.max(wanted, CELLS * (k + 1));
    }

    /**
     * @param count as {@link #size}
     * @param k     the reports' minimum group size
     */
    static List<Part> of(int count, List<String> locales, int k, Instant now) {
        Theme[] themes = Theme.values();
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        int total = size(count, k);
        var parts = new ArrayList<Part>();
        int i = 0;
        for (int cell = 0; cell < CELLS; cell++) {
            int department = cell / MONTHS_PER_DEPARTMENT;
            int round = cell % MONTHS_PER_DEPARTMENT;
            YearMonth month = current.minusMonths(1 + department % 4 + 4L * round);
            boolean anonymous = department % 3 == 1 && round == 1;
            int interviews = total / CELLS + (cell < total % CELLS ? 1 : 0);
            for (int place = 0; place < interviews; place++, i++) {
                Ending ending = place > 0 ? Ending.COMPLETED : cell % 2 == 0 ? Ending.STOPPED : Ending.EXPIRED;
                var answerThemes = List.of(themes[i % themes.length], themes[(i + 4) % themes.length],
                        themes[(i + 8) % themes.length], themes[(i + 11) % themes.length]);
                parts.add(new Part(i + 1, "DEMO-%04d".formatted(i + 1),
                        FIRST_NAMES.get(i % FIRST_NAMES.size()) + " "
                                + LAST_NAMES.get(i / FIRST_NAMES.size() % LAST_NAMES.size()),
                        DEPARTMENTS.get(department), locales.get(i % locales.size()), anonymous, ending,
                        ending == Ending.COMPLETED ? 0 : 1 + cell / 2 % QUESTIONS_BEFORE_AN_END,
                        MOODS.get(i % MOODS.size()), answerThemes, dayIn(month, i)));
            }
        }
        return parts;
    }

    /** A working hour of a day of the month, the same for the same interview. */
    private static Instant dayIn(YearMonth month, int i) {
        return month.atDay(1 + i * 7 % 28).atTime(9 + i % 8, i % 60).toInstant(ZoneOffset.UTC);
    }
}
