package org.exitbot.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.TaskQuery;
import org.exitbot.conversation.ExitInterviewProcess;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * HR's saved filters in Tasklist, created at start-up when missing (an administrator may edit them afterwards):
 * the reviews waiting, and those past their due date ({@code exitbot.interview.review-within}). Group {@code hr}
 * may read them, not change them: a stored query may hold expressions, which only administrators may write.
 */
@Component
class HrTasklistFilters {

    static final String TO_REVIEW = "Interviews to review";
    static final String OVERDUE = "Overdue interviews";

    private final FilterService filterService;
    private final TaskService taskService;
    private final CamundaGrants grants;

    HrTasklistFilters(FilterService filterService, TaskService taskService, CamundaGrants grants) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.grants = grants;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureFilters() {
        ensure(TO_REVIEW, "Exit interviews waiting for HR's review, the oldest due first", -20, "#3b6ea8",
                reviews());
        ensure(OVERDUE, "Reviews past their due date", -10, "#b8322b",
                reviews().dueBeforeExpression("${now()}"));
    }

    private TaskQuery reviews() {
        return taskService.createTaskQuery()
                .processDefinitionKey(ExitInterviewProcess.KEY)
                .taskDefinitionKey(ExitInterviewProcess.REVIEW_TASK)
                .orderByDueDate().asc();
    }

    private void ensure(String name, String description, int priority, String colour, TaskQuery query) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        var filter = filterService.newTaskFilter(name);
        filter.setProperties(Map.of(
                "description", description,
                "priority", priority,
                "color", colour,
                "refresh", true,
                "variables", List.of(
                        Map.of("name", "department", "label", "Department"),
                        Map.of("name", "interviewStatus", "label", "Interview"))));
        filter.setQuery(query);
        filterService.saveFilter(filter);
        grants.grant(HrAuthorizations.GROUP, Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
