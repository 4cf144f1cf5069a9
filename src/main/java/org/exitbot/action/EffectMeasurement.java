package org.exitbot.action;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exitbot.report.ReportFilter;
import org.exitbot.report.ThemeFigures;
import org.exitbot.report.ThemeFigures.ThemeCounts;
import org.exitbot.system.JsonVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After the follow-up period: the theme's share of the group's analysed interviews invited after the action
 * (from the month after the one it was carried out in to the end of the follow-up period) against its share in the window that
 * started the action, from the reports' k-safe counts, recorded with those counts.
 */
@Service
public class EffectMeasurement {

    private final ThemeActionRepository actions;
    private final ThemeFigures figures;
    private final JsonVariables json;
    private final Clock clock;

    EffectMeasurement(ThemeActionRepository actions, ThemeFigures figures, JsonVariables json, Clock clock) {
        this.actions = actions;
        this.figures = figures;
        this.json = json;
        this.clock = clock;
    }

    /** Records the effect; returns what "Review the effect" shows. */
    @Transactional
    public Map<String, Object> measure(UUID actionId) {
        ThemeAction action = actions.findById(actionId).orElseThrow();
        ThemeGroup group = action.group();
        int k = figures.minGroupSize();
        var before = new ReportFilter(action.getWindowFrom(), action.getWindowTo(), group.department());
        // reports count whole months: the first one after the action's is the first without it
        LocalDate afterFrom = LocalDate.ofInstant(action.getDoneAt(), ZoneOffset.UTC).plusMonths(1).withDayOfMonth(1);
        LocalDate afterTo = LocalDate.ofInstant(action.getMeasureAt(), ZoneOffset.UTC);
        var after = new ReportFilter(afterFrom, afterTo.isBefore(afterFrom) ? afterFrom : afterTo, group.department());
        ThemeCounts beforeCounts = figures.counts(before);
        ThemeCounts afterCounts = figures.counts(after);
        Effect effect = Effect.of(new Share(beforeCounts.interviews(), beforeCounts.of(group.theme()), k),
                new Share(afterCounts.interviews(), afterCounts.of(group.theme()), k));
        action.measured(effect, after.from(), after.to(), clock.instant());
        return Map.of("effect", effect.summary(), "effectVerdict", effect.verdict().code(),
                "effectFigures", json.json(List.of(row("Before: " + RollingWindow.label(before), effect.before()),
                        row("After: " + RollingWindow.label(after), effect.after()))));
    }

    private static Map<String, String> row(String period, Share share) {
        return Map.of("period", period, "interviews", share.interviews().shown(),
                "withTheme", share.tooFew() ? "–" : share.theme().shown(), "share", share.cell());
    }
}
