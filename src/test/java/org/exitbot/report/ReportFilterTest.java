package org.exitbot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.exitbot.system.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Which interviews a report's filter selects, as the SQL every report and KPI shares. */
class ReportFilterTest {

    @Test
    void noFilterSelectsEverything() {
        var filter = new ReportFilter(null, null, "  ");
        assertThat(filter.department()).isNull();
        assertThat(filter.sqlConditions()).isEmpty();
        assertThat(filter.sqlArguments()).isEmpty();
    }

    @Test
    void datesAreInclusiveUtcDaysAndTheDepartmentIgnoresCase() {
        var filter = new ReportFilter(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), " Sales ");
        assertThat(filter.sqlConditions())
                .isEqualTo(" and i.created_at >= ? and i.created_at < ? and lower(i.department) = ?");
        assertThat(filter.sqlArguments()).containsExactly(Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")),
                Timestamp.from(Instant.parse("2026-02-01T00:00:00Z")), "sales");
    }

    @Test
    void eitherEndMayBeOpen() {
        assertThat(new ReportFilter(null, LocalDate.of(2026, 3, 1), null).sqlConditions())
                .isEqualTo(" and i.created_at < ?");
        assertThat(new ReportFilter(LocalDate.of(2026, 3, 1), null, null).sqlConditions())
                .isEqualTo(" and i.created_at >= ?");
    }

    @Test
    void fromAfterToIsInvalidInput() {
        assertThatThrownBy(() -> new ReportFilter(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("from")));
    }
}
