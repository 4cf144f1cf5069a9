package org.exitbot.report;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rule that keeps the reports from being differenced. A cell is one calendar month (UTC, of the invitation)
 * of one department, the finest grain of every filter and breakdown. A figure counts a cell's interviews only when
 * the cell holds at least k of the figure's interviews (invited ones for the counts, ended ones for the completion
 * rate, completed ones for the time to complete, analysed ones for sentiment, themes and reasons), and either no
 * anonymous one or at least k of them. Any other cell is left out of every figure, totals included: two figures
 * then differ by whole counted cells, and a total minus its visible groups is zero, so no difference isolates
 * fewer than k interviews, nor fewer than k anonymous ones once the attributed ones (which HR sees one by one)
 * are subtracted.
 */
final class ReportCells {

    private record Cell(YearMonth month, String department) {
    }

    private ReportCells() {
    }

    /** The facts of the cells that hold at least k of them, with no anonymous one or at least k. */
    static List<InterviewFact> counted(List<InterviewFact> facts, int k) {
        Map<Cell, List<InterviewFact>> cells = facts.stream().collect(Collectors.groupingBy(ReportCells::cell));
        return facts.stream().filter(f -> countable(cells.get(cell(f)), k)).toList();
    }

    private static Cell cell(InterviewFact fact) {
        return new Cell(YearMonth.from(fact.createdAt().atZone(ZoneOffset.UTC)),
                fact.department().toLowerCase(Locale.ROOT));
    }

    private static boolean countable(List<InterviewFact> cell, int k) {
        long anonymous = cell.stream().filter(InterviewFact::anonymous).count();
        return cell.size() >= k && (anonymous == 0 || anonymous >= k);
    }
}
