package org.exitbot.action;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.exitbot.action.ThemeActionProcess.Var;
import org.exitbot.report.GroupCount;
import org.exitbot.report.ReportFilter;
import org.exitbot.report.ThemeFigures.ThemeCounts;
import org.exitbot.report.ThemeFigures;
import org.exitbot.system.FormMarkdown;
import org.exitbot.system.JsonVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What "Plan an action" shows ({@code forms/theme-action-plan.form}): the theme, the group and the window, why the
 * action started, the trend over the last windows, example quotes, and the HR users who may own the action. Every
 * figure is the reports' k-safe one; the quotes come only from a group of at least k interviews with the theme.
 */
@Service
public class ActionBriefs {

    static final int TREND_WINDOWS = 4;
    static final int QUOTES = 5;
    static final String HR_GROUP = "hr";

    private final ThemeActionRepository actions;
    private final ThemeFigures figures;
    private final RollingWindow window;
    private final IdentityService identityService;
    private final JsonVariables json;
    private final ActionProperties properties;

    ActionBriefs(ThemeActionRepository actions, ThemeFigures figures, RollingWindow window,
            IdentityService identityService, JsonVariables json, ActionProperties properties) {
        this.actions = actions;
        this.figures = figures;
        this.window = window;
        this.identityService = identityService;
        this.json = json;
        this.properties = properties;
    }

    /** The task-local variables of "Plan an action". */
    @Transactional(readOnly = true)
    public Map<String, Object> planVariables(UUID actionId) {
        ThemeAction action = actions.findById(actionId).orElseThrow();
        ThemeGroup group = action.group();
        int k = figures.minGroupSize();
        ReportFilter alertWindow = new ReportFilter(action.getWindowFrom(), action.getWindowTo(), group.department());
        var quotes = figures.quotes(alertWindow, group.theme(), QUOTES);
        var variables = new HashMap<String, Object>();
        variables.put("brief", brief(action, k));
        variables.put("trend", json.json(window.trend(alertWindow, TREND_WINDOWS).stream()
                .map(period -> trendRow(period, figures.counts(period), group, k)).toList()));
        variables.put(Var.QUOTES, json.json(quotes.stream()
                .map(q -> Map.of("period", q.period(), "quote", q.text())).toList()));
        variables.put("quotesNote", quotes.isEmpty()
                ? "No quotes: fewer than " + k + " interviews of this window found the theme, or none left its words."
                : "Redacted, in random order, each from a different interview; shown only because at least " + k
                        + " interviews of this window found the theme.");
        variables.put(Var.OWNER_OPTIONS, json.json(owners().stream()
                .map(user -> Map.of("label", name(user), "value", user.getId())).toList()));
        return variables;
    }

    /** The HR users who may own an action: the members of group {@value #HR_GROUP}. */
    List<User> owners() {
        return identityService.createUserQuery().memberOfGroup(HR_GROUP).orderByUserId().asc().list();
    }

    private String brief(ThemeAction action, int k) {
        ThemeGroup group = action.group();
        var share = new Share(counted(action.getAlertInterviews(), action.getAlertMinGroupSize()),
                counted(action.getAlertThemeCount(), action.getAlertMinGroupSize()), action.getAlertMinGroupSize());
        String why = action.getOrigin() == Origin.THRESHOLD
                ? "The daily check found it over the threshold"
                : "Started by " + FormMarkdown.escape(action.getStartedBy()) + " on the dashboard";
        return "**Theme:** " + FormMarkdown.escape(group.themeLabel()) + "  \n**Group:** "
                + FormMarkdown.escape(group.groupLabel()) + "  \n**Window:** "
                + action.getWindowFrom() + " to " + action.getWindowTo() + " (interviews invited in it)\n\n" + why
                + ": found in " + share.shown() + " of the analysed interviews. Alerts start at "
                + String.format(Locale.ROOT, "%.0f %%", properties.minShare() * 100) + " and at least "
                + Math.max(properties.minCount(), k) + " interviews; groups under " + k + " are not shown.";
    }

    private static Map<String, String> trendRow(ReportFilter period, ThemeCounts counts, ThemeGroup group, int k) {
        GroupCount theme = counts.of(group.theme());
        return Map.of("period", RollingWindow.label(period), "interviews", counts.interviews().shown(),
                "withTheme", theme.shown(), "share", new Share(counts.interviews(), theme, k).cell());
    }

    static GroupCount counted(Integer count, int k) {
        return count == null ? new GroupCount(null, null, k) : new GroupCount(null, count, null);
    }

    private static String name(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")";
    }
}
