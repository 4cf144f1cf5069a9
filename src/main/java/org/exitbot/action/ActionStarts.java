package org.exitbot.action;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.action.ThemeActionProcess.Var;
import org.exitbot.analysis.Theme;
import org.exitbot.report.ReportFilter;
import org.exitbot.report.ThemeFigures;
import org.exitbot.report.ThemeFigures.ThemeCounts;
import org.exitbot.system.ConflictException;
import org.exitbot.system.InvalidInputException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts actions, one open action per theme and group at most, whoever asks: the scheduled check or HR. Each
 * action is a row of its own and an instance of {@code theme-action.bpmn}, started by the message of its origin.
 */
@Service
public class ActionStarts {

    private final ThemeActionRepository actions;
    private final ThemeFigures figures;
    private final RollingWindow window;
    private final RuntimeService runtimeService;
    private final Clock clock;

    ActionStarts(ThemeActionRepository actions, ThemeFigures figures, RollingWindow window,
            RuntimeService runtimeService, Clock clock) {
        this.actions = actions;
        this.figures = figures;
        this.window = window;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /**
     * HR's request from the dashboard or the API, on any theme and any department the reports know (or all).
     *
     * @throws InvalidInputException for an unknown theme or department
     * @throws ConflictException     while an action on the theme and group is open
     */
    @Transactional
    public UUID startForHr(String theme, String department, String hrUser) {
        return start(new ThemeGroup(theme(theme), knownDepartment(department)), Origin.HR, hrUser).getId();
    }

    /** The open action on the theme and group, if any; one whose process is gone (cancelled in Cockpit) is ended. */
    @Transactional
    Optional<ThemeAction> open(ThemeGroup group) {
        return actions.findByOpenKey(group.key()).filter(action -> {
            if (action.getProcessInstanceId() != null && runtimeService.createProcessInstanceQuery()
                    .processInstanceId(action.getProcessInstanceId()).count() == 0) {
                action.ended(clock.instant());
                actions.saveAndFlush(action);
                return false;
            }
            return true;
        });
    }

    @Transactional
    ThemeAction start(ThemeGroup group, Origin origin, String startedBy) {
        open(group).ifPresent(open -> {
            throw alreadyOpen(group, open.getId());
        });
        ReportFilter alertWindow = window.endingToday(group.department());
        ThemeCounts counts = figures.counts(alertWindow);
        ThemeAction action = new ThemeAction(UUID.randomUUID(), group, origin, startedBy, clock.instant(), alertWindow,
                counts.minGroupSize(), counts.interviews(), counts.of(group.theme()));
        try {
            action = actions.saveAndFlush(action);
        } catch (DataIntegrityViolationException raceWithAnotherStart) {
            throw alreadyOpen(group, null);
        }
        var instance = runtimeService.createMessageCorrelation(origin.message())
                .processInstanceBusinessKey(action.getId().toString())
                .setVariables(Variables.createVariables()
                        .putValue(Var.ACTION_ID, action.getId().toString())
                        .putValue(Var.THEME, group.theme().code())
                        .putValue(Var.DEPARTMENT, group.department())
                        .putValue("themeLabel", group.themeLabel())
                        .putValue("group", group.groupLabel())
                        .putValue("window", RollingWindow.label(alertWindow)))
                .correlateStartMessage();
        action.attachProcess(instance.getId());
        return action;
    }

    private static Theme theme(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("theme", "must not be blank");
        }
        return Theme.ofCode(code).orElseThrow(() -> new InvalidInputException("theme", "must be one of " + Theme.codes()));
    }

    /** The department as the reports spell it, or null for all departments. */
    private String knownDepartment(String department) {
        if (department == null || department.isBlank()) {
            return null;
        }
        return figures.departments().stream().filter(known -> known.equalsIgnoreCase(department.trim())).findFirst()
                .orElseThrow(() -> new InvalidInputException("department",
                        "has no interviews: give a department the reports know, or none for all departments"));
    }

    private static ConflictException alreadyOpen(ThemeGroup group, UUID open) {
        return new ConflictException("Action already open", "An action on " + group.themeLabel() + " in "
                + group.groupLabel() + " is open" + (open == null ? "" : " (" + open + ")")
                + "; a new one can start once its effect is measured.");
    }
}
