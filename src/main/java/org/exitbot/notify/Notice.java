package org.exitbot.notify;

/** What HR's channel is told; the process's {@code notice} variable holds its name. */
enum Notice {
    /** a review task was created: "A review is waiting in Tasklist" */
    REVIEW_WAITING,
    /** the daily digest: how many reviews are past their due date */
    REVIEWS_OVERDUE,
    /** an incident in one of the processes needs an administrator */
    INCIDENT
}
