package org.exitbot.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.exitbot.conversation.ExitInterviewProcess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * HR's saved filters in Tasklist, created at start-up when missing (an administrator may edit them afterwards):
 * the reviews waiting, those past their due date ({@code exitbot.interview.review-within}), and the one of every
 * {@link HrTasklistProcess}. Group {@code hr} may read them, not change them: a stored query may hold expressions,
 * which only administrators may write.
 */
@Component
public class HrTasklistFilters {

    public static final String TO_REVIEW = "Interviews to review";
    public static final String OVERDUE = "Overdue interviews";
    private static final List<HrTasklistProcess.Column> INTERVIEW_COLUMNS = List.of(
            new HrTasklistProcess.Column("department", "Department"),
            new HrTasklistProcess.Column("interviewStatus", "Interview"));

    private final FilterService filterService;
    private final TaskService taskService;
    private final CamundaGrants grants;
    private final List<HrTasklistProcess> processes;

    HrTasklistFilters(FilterService filterService, TaskService taskService, CamundaGrants grants,
            ObjectProvider<HrTasklistProcess> processes) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.grants = grants;
        this.processes = processes.orderedStream().toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureFilters() {
        ensure(new HrTasklistProcess.Filter(TO_REVIEW, "Exit interviews waiting for HR's review, the oldest due first",
                -20, "#3b6ea8", INTERVIEW_COLUMNS), reviews());
        ensure(new HrTasklistProcess.Filter(OVERDUE, "Reviews past their due date", -10, "#b8322b", INTERVIEW_COLUMNS),
                reviews().dueBeforeExpression("${now()}"));
        processes.forEach(process -> ensure(process.filter(), taskService.createTaskQuery()
                .processDefinitionKey(process.processDefinitionKey()).orderByDueDate().asc()));
    }

    /** The id of the saved filter of that name, which Tasklist's links name ({@code #/?filter=<id>}). */
    public Optional<String> idOf(String name) {
        return filterService.createFilterQuery().filterName(name).list().stream().findFirst().map(Filter::getId);
    }

    private TaskQuery reviews() {
        return taskService.createTaskQuery()
                .processDefinitionKey(ExitInterviewProcess.KEY)
                .taskDefinitionKey(ExitInterviewProcess.REVIEW_TASK)
                .orderByDueDate().asc();
    }

    private void ensure(HrTasklistProcess.Filter wanted, TaskQuery query) {
        if (filterService.createFilterQuery().filterName(wanted.name()).count() > 0) {
            return;
        }
        var filter = filterService.newTaskFilter(wanted.name());
        filter.setProperties(Map.of(
                "description", wanted.description(),
                "priority", wanted.priority(),
                "color", wanted.colour(),
                "refresh", true,
                "variables", wanted.columns().stream()
                        .map(column -> Map.of("name", column.variable(), "label", column.label()))
                        .toList()));
        filter.setQuery(query);
        filterService.saveFilter(filter);
        grants.grant(HrAuthorizations.GROUP, Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
