package org.exitbot.notify;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On the exit interview's review task: tells HR's channel that a review waits, and nothing about whose. */
@Component
class AnnounceReviewListener implements TaskListener {

    private final HrNotifications notifications;

    AnnounceReviewListener(HrNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateTask task) {
        notifications.reviewWaiting();
    }
}
