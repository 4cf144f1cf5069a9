package org.exitbot.notify;

/**
 * A notice to send, as the process holds it.
 *
 * @param overdueReviews      {@link Notice#REVIEWS_OVERDUE}: how many the daily count found
 * @param processDefinitionId {@link Notice#INCIDENT}: the process the incident is in
 * @param activityId          {@link Notice#INCIDENT}: the step it is at
 */
record NoticeRequest(Notice notice, long overdueReviews, String processDefinitionId, String activityId) {
}
