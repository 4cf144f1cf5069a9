package org.exitbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.exitbot.privacy.AnonymousComments.MonthCount;
import org.junit.jupiter.api.Test;

class CommentPeriodsTest {

    static final YearMonth NOW = YearMonth.of(2026, 12);

    @Test
    void endedMonthsArePooledInOrderUntilTheyHoldKInterviews() {
        var periods = CommentPeriods.of(List.of(count(2026, 1, 2), count(2026, 2, 3), count(2026, 3, 6),
                count(2026, 4, 1)), 5, NOW);
        assertThat(periods.released()).extracting(CommentPeriods.Period::label, CommentPeriods.Period::interviews)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-01 to 2026-02", 5),
                        org.assertj.core.groups.Tuple.tuple("2026-03", 6));
        assertThat(periods.open()).isTrue();
    }

    @Test
    void theCurrentMonthWaitsHoweverManyItHolds() {
        var periods = CommentPeriods.of(List.of(count(2026, 11, 4), count(2026, 12, 9)), 5, NOW);
        assertThat(periods.released()).isEmpty();
        assertThat(periods.open()).isFalse();
    }

    @Test
    void aGroupBelowKStaysClosed() {
        assertThat(CommentPeriods.of(List.of(count(2026, 1, 1), count(2026, 5, 3)), 5, NOW).open()).isFalse();
    }

    private static MonthCount count(int year, int month, int interviews) {
        return new MonthCount(YearMonth.of(year, month), interviews);
    }
}
