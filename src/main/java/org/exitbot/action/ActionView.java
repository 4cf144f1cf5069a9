package org.exitbot.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.exitbot.report.GroupCount;

/**
 * An action as HR reads it: {@code GET /api/actions}. Counts are the reports' k-safe ones: a suppressed count has
 * {@code count} null and {@code fewerThan} k.
 *
 * @param department null for all departments; {@code group} names it either way
 * @param alert      the analysed interviews of the window that started the action, and those that found the theme
 * @param waitingTask the Tasklist task waiting in the action, if any
 */
public record ActionView(UUID id, String theme, String themeLabel, String department, String group, Origin origin,
        ActionStatus status, String statusLabel, String startedBy, Instant startedAt, Period window, Counts alert,
        String owner, String action, LocalDate dueDate, String successMeasure, String plannedBy, Instant plannedAt,
        Instant overdueAt, Instant doneAt, Instant measureAt, EffectView effect, Instant finishedAt,
        WaitingTask waitingTask, String processInstanceId) {

    public record Period(LocalDate from, LocalDate to) {

        public String label() {
            return from + " to " + to;
        }
    }

    public record Counts(GroupCount interviews, GroupCount withTheme, String share) {
    }

    /** @param verdict fell, rose, unchanged, unclear or too_few */
    public record EffectView(String verdict, String summary, Period before, Counts beforeCounts, Period after,
            Counts afterCounts, Instant measuredAt) {
    }

    public record WaitingTask(String id, String name, String assignee, java.util.Date due) {
    }

    static ActionView of(ThemeAction a, Task waiting) {
        ThemeGroup group = a.group();
        return new ActionView(a.getId(), group.theme().code(), group.themeLabel(), a.getDepartment(),
                group.groupLabel(), a.getOrigin(), a.getStatus(), a.getStatus().label(), a.getStartedBy(),
                a.getStartedAt(), new Period(a.getWindowFrom(), a.getWindowTo()),
                counts(a.getAlertInterviews(), a.getAlertThemeCount(), a.getAlertMinGroupSize()), a.getOwner(),
                a.getPlannedAction(), a.getDueDate(), a.getSuccessMeasure(), a.getPlannedBy(), a.getPlannedAt(),
                a.getOverdueAt(), a.getDoneAt(), a.getMeasureAt(), effect(a), a.getFinishedAt(),
                waiting == null ? null : new WaitingTask(waiting.getId(), waiting.getName(), waiting.getAssignee(),
                        waiting.getDueDate()),
                a.getProcessInstanceId());
    }

    private static EffectView effect(ThemeAction a) {
        if (a.getEffect() == null) {
            return null;
        }
        int k = a.getEffectMinGroupSize();
        return new EffectView(a.getEffect().code(), a.getEffectSummary(), new Period(a.getWindowFrom(), a.getWindowTo()),
                counts(a.getBeforeInterviews(), a.getBeforeThemeCount(), k), new Period(a.getAfterFrom(), a.getAfterTo()),
                counts(a.getAfterInterviews(), a.getAfterThemeCount(), k), a.getMeasuredAt());
    }

    private static Counts counts(Integer interviews, Integer withTheme, int k) {
        var share = new Share(ActionBriefs.counted(interviews, k), ActionBriefs.counted(withTheme, k), k);
        return new Counts(share.interviews(), share.tooFew() ? new GroupCount(null, null, k) : share.theme(),
                share.cell());
    }
}
