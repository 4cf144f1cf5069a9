package org.exitbot.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.exitbot.analysis.Theme;
import org.exitbot.report.ThemeFigures;
import org.exitbot.report.ThemeFigures.ThemeCounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheduled check: every theme in every department, and in all departments together, over the rolling
 * window, against the {@link Threshold}, on the reports' own k-safe counts. A theme and group with an open action
 * is left out, so the check never starts a second one.
 */
@Service
public class ThemeAlerts {

    /** Who the scheduled check's actions are started by. */
    static final String CHECK = "scheduled check";

    private final ThemeFigures figures;
    private final RollingWindow window;
    private final ActionStarts starts;
    private final ActionProperties properties;

    ThemeAlerts(ThemeFigures figures, RollingWindow window, ActionStarts starts, ActionProperties properties) {
        this.figures = figures;
        this.window = window;
        this.starts = starts;
        this.properties = properties;
    }

    /** The themes and groups over the threshold today without an open action, all departments first. */
    @Transactional
    public List<ThemeGroup> crossings() {
        var threshold = Threshold.of(properties, figures.minGroupSize());
        var crossed = new LinkedHashMap<String, ThemeGroup>();
        Stream.concat(Stream.of((String) null), figures.departments().stream()).forEach(department -> {
            ThemeCounts counts = figures.counts(window.endingToday(department));
            for (Theme theme : Theme.values()) {
                var group = new ThemeGroup(theme, department);
                if (threshold.crossedBy(counts.interviews(), counts.of(theme)) && !crossed.containsKey(group.key())
                        && starts.open(group).isEmpty()) {
                    crossed.put(group.key(), group);
                }
            }
        });
        return List.copyOf(crossed.values());
    }

    /** Starts the action on one of the check's crossings. */
    @Transactional
    public void startAction(ThemeGroup crossing) {
        starts.start(crossing, Origin.THRESHOLD, CHECK);
    }
}
