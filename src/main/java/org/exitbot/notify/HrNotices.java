package org.exitbot.notify;

import java.net.URI;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.exitbot.security.HrTasklistFilters;
import org.exitbot.system.ExitBotProperties;
import org.springframework.stereotype.Component;

/**
 * Writes what HR's channel reads. Its only inputs are counts, Tasklist's filters and the processes' own names: no
 * interview, name, department, role, date, variable value or exception message, so that nothing in a channel
 * identifies a person, even one who asked to be anonymous, nor repeats what anyone wrote.
 */
@Component
class HrNotices {

    private final ReviewQueue reviews;
    private final HrTasklistFilters filters;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final ExitBotProperties properties;

    HrNotices(ReviewQueue reviews, HrTasklistFilters filters, RuntimeService runtimeService,
            RepositoryService repositoryService, ExitBotProperties properties) {
        this.reviews = reviews;
        this.filters = filters;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.properties = properties;
    }

    HrNotice of(NoticeRequest request) {
        return switch (request.notice()) {
            case REVIEW_WAITING -> reviewWaiting();
            case REVIEWS_OVERDUE -> reviewsOverdue(request.overdueReviews());
            case INCIDENT -> incident(request.processDefinitionId(), request.activityId());
        };
    }

    private HrNotice reviewWaiting() {
        long waiting = reviews.waiting();
        return new HrNotice("A review is waiting in Tasklist", "An exit interview is ready for HR's review. "
                + (waiting == 1 ? "1 review is waiting." : waiting + " reviews are waiting."),
                "Open " + HrTasklistFilters.TO_REVIEW, tasklist(HrTasklistFilters.TO_REVIEW));
    }

    private HrNotice reviewsOverdue(long overdue) {
        return new HrNotice("Exit interview reviews are overdue", (overdue == 1 ? "1 review is" : overdue
                + " reviews are") + " past the due date in Tasklist.", "Open " + HrTasklistFilters.OVERDUE,
                tasklist(HrTasklistFilters.OVERDUE));
    }

    private HrNotice incident(String processDefinitionId, String activityId) {
        var definition = repositoryService.getProcessDefinition(processDefinitionId);
        FlowElement step = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
        long open = runtimeService.createIncidentQuery().processDefinitionId(processDefinitionId).activityId(activityId)
                .count();
        String stepName = step == null || step.getName() == null ? activityId : step.getName();
        return new HrNotice("An incident needs an administrator", "Process: " + definition.getKey() + ". Step: "
                + stepName + " (" + activityId + "). Open incidents at this step: " + open + ".", "Open in Cockpit",
                URI.create(base() + "/camunda/app/cockpit/default/#/process-definition/" + processDefinitionId
                        + "/runtime?activityIds=" + activityId + "&tab=incidents-tab"));
    }

    private URI tasklist(String filter) {
        return URI.create(base() + "/camunda/app/tasklist/default/#/"
                + filters.idOf(filter).map(id -> "?filter=" + id).orElse(""));
    }

    private String base() {
        return properties.publicUrl().toString().replaceAll("/+$", "");
    }
}
