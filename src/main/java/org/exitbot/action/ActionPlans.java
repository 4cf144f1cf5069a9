package org.exitbot.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.exitbot.action.ThemeActionProcess.Var;
import org.exitbot.system.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An action from its plan to the day it is carried out: the plan HR enters, the owner's due date and reminder,
 * the escalation when the due date passes, a new due date, and the follow-up period once it is done.
 */
@Service
public class ActionPlans {

    static final String DONE = "done";
    static final String EXTEND = "extend";

    private final ThemeActionRepository actions;
    private final HistoryService historyService;
    private final RollingWindow window;
    private final ActionProperties properties;
    private final Clock clock;
    private final ObjectMapper objectMapper;

    ActionPlans(ThemeActionRepository actions, HistoryService historyService, RollingWindow window,
            ActionProperties properties, Clock clock, ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.actions = actions;
        this.historyService = historyService;
        this.window = window;
        this.properties = properties;
        this.clock = clock;
    }

    /** What is wrong with a plan: a missing field, an owner outside group hr, a due date that is not after today. */
    public List<FieldError> planProblems(Map<String, Object> variables, Object ownerOptions) {
        return Plan.from(variables).problems(owners(ownerOptions), window.today());
    }

    /** The values of the form's owner options, a JSON list of {label, value}. */
    private Collection<String> owners(Object ownerOptions) {
        if (ownerOptions == null) {
            return List.of();
        }
        try {
            var owners = new ArrayList<String>();
            objectMapper.readTree(ownerOptions.toString()).forEach(option -> owners.add(option.path("value").asText()));
            return owners;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The owner options are not valid JSON", e);
        }
    }

    /** What is wrong with an overdue task's answer: an outcome other than done or extend, a bad new due date. */
    public List<FieldError> overdueOutcomeProblems(Map<String, Object> variables) {
        String outcome = Plan.text(variables.get(Var.OVERDUE_OUTCOME));
        var problems = new ArrayList<FieldError>();
        if (!DONE.equals(outcome) && !EXTEND.equals(outcome)) {
            problems.add(new FieldError(Var.OVERDUE_OUTCOME, "must be done or extend"));
        } else if (EXTEND.equals(outcome)) {
            Plan.dueDateProblem(Var.NEW_DUE_DATE, Plan.text(variables.get(Var.NEW_DUE_DATE)), window.today())
                    .ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * Stores the plan and returns the timers' dates. The brief's quotes leave Camunda's history with the task: they
     * were needed to plan, not to keep.
     */
    @Transactional
    public Map<String, Object> record(UUID actionId, Map<String, Object> variables, String processInstanceId) {
        Plan plan = Plan.from(variables);
        ThemeAction action = actions.findById(actionId).orElseThrow();
        action.planned(plan.owner(), plan.action(), plan.due(), plan.successMeasure(),
                Plan.text(variables.get(Var.PLANNED_BY)), clock.instant());
        historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(processInstanceId)
                .variableName(Var.QUOTES).list()
                .forEach(quotes -> historyService.deleteHistoricVariableInstance(quotes.getId()));
        return dates(plan.due());
    }

    @Transactional
    public void markOverdue(UUID actionId) {
        actions.findById(actionId).orElseThrow().overdue(clock.instant());
    }

    /** The new due date from the overdue task; returns the timers' dates. */
    @Transactional
    public Map<String, Object> reschedule(UUID actionId, Object newDueDate) {
        LocalDate due = LocalDate.parse(Plan.text(newDueDate));
        actions.findById(actionId).orElseThrow().rescheduled(due);
        var variables = new HashMap<>(dates(due));
        variables.put(Var.DUE_DATE, due.toString());
        return variables;
    }

    /** Carried out: the effect is measured {@code exitbot.actions.follow-up} from now. */
    @Transactional
    public Map<String, Object> done(UUID actionId) {
        Instant now = clock.instant();
        Instant measureAt = now.atZone(ZoneOffset.UTC).plus(properties.followUp()).toInstant();
        actions.findById(actionId).orElseThrow().done(now, measureAt);
        return Map.of(Var.MEASURE_AT, Date.from(measureAt));
    }

    /**
     * Overdue at the end of the due day (UTC); the reminder {@code exitbot.actions.reminder-before} earlier, but
     * never before halfway from now to the due date, so a short deadline does not start with a reminder.
     */
    Map<String, Object> dates(LocalDate due) {
        Instant now = clock.instant();
        Instant dueAt = due.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant remindAt = dueAt.minus(properties.reminderBefore());
        Instant halfway = now.plus(Duration.between(now, dueAt).dividedBy(2));
        return Map.of(Var.DUE_AT, Date.from(dueAt), Var.REMIND_AT, Date.from(remindAt.isBefore(halfway) ? halfway
                : remindAt));
    }
}
