package org.exitbot.interview;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.TaskQuery;
import org.exitbot.action.ThemeActionProcess;
import org.exitbot.security.CamundaGrants;
import org.exitbot.security.HrAuthorizations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * HR's saved filters in Tasklist, created at start-up when missing (an administrator may edit them afterwards):
 * the reviews waiting, those past their due date ({@code exitbot.interview.review-within}), and the theme actions'
 * tasks. Group {@code hr}
 * may read them, not change them: a stored query may hold expressions, which only administrators may write.
 */
@Component
class HrTasklistFilters {

    static final String TO_REVIEW = "Interviews to review";
    static final String OVERDUE = "Overdue interviews";
    static final String ACTIONS = "Actions";
    private static final List<Map<String, String>> INTERVIEW_COLUMNS = List.of(
            Map.of("name", "department", "label", "Department"),
            Map.of("name", "interviewStatus", "label", "Interview"));

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
                reviews(), INTERVIEW_COLUMNS);
        ensure(OVERDUE, "Reviews past their due date", -10, "#b8322b",
                reviews().dueBeforeExpression("${now()}"), INTERVIEW_COLUMNS);
        ensure(ACTIONS, "Theme actions to plan, carry out, follow up or review, the soonest due first", 0, "#2f7d4a",
                taskService.createTaskQuery().processDefinitionKey(ThemeActionProcess.KEY).orderByDueDate().asc(),
                List.of(Map.of("name", "themeLabel", "label", "Theme"), Map.of("name", "group", "label", "Group")));
    }


    private TaskQuery reviews() {
        return taskService.createTaskQuery()
                .processDefinitionKey(ExitInterviewProcess.KEY)
                .taskDefinitionKey(ExitInterviewProcess.REVIEW_TASK)
                .orderByDueDate().asc();
    }

    private void ensure(String name, String description, int priority, String colour, TaskQuery query,
            List<Map<String, String>> columns) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        var filter = filterService.newTaskFilter(name);
        filter.setProperties(Map.of(
                "description", description,
                "priority", priority,
                "color", colour,
                "refresh", true,
                "variables", columns));
        filter.setQuery(query);
        filterService.saveFilter(filter);
        grants.grant(HrAuthorizations.GROUP, Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
