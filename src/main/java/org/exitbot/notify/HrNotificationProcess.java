package org.exitbot.notify;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The names {@code processes/hr-notification.bpmn} and the code share. */
final class HrNotificationProcess {

    static final String KEY = "hr-notification";
    static final String REVIEW_WAITING_MESSAGE = "HrReviewWaiting";
    static final String INCIDENT_MESSAGE = "HrIncidentRaised";
    static final String NOTIFY_TASK = "Task_NotifyHrChannel";

    /** Process variables: none names a person, an interview or what anyone wrote. */
    static final class Var {
        static final String NOTICE = "notice";
        /** the element of the multi-instance "Notify HR channel": a {@link Channel#code()} */
        static final String CHANNEL = "channel";
        static final String OVERDUE_REVIEWS = "overdueReviews";
        static final String PROCESS_DEFINITION_ID = "incidentProcessDefinitionId";
        static final String ACTIVITY_ID = "incidentActivityId";

        private Var() {
        }
    }

    private HrNotificationProcess() {
    }

    /** The notice the instance carries, read from its variables. */
    static NoticeRequest request(VariableScope scope) {
        Object overdue = scope.getVariable(Var.OVERDUE_REVIEWS);
        return new NoticeRequest(Notice.valueOf((String) scope.getVariable(Var.NOTICE)),
                overdue == null ? 0 : ((Number) overdue).longValue(),
                (String) scope.getVariable(Var.PROCESS_DEFINITION_ID), (String) scope.getVariable(Var.ACTIVITY_ID));
    }
}
