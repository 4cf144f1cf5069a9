package org.exitbot.notify;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.exitbot.conversation.ExitInterviewProcess;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.springframework.stereotype.Component;

/**
 * On the exit interview's review task: tells HR's channel that a review waits, and nothing about whose. A demo
 * interview's review (EXITBOT_DEMO_DATA) is nobody's work: it is not announced.
 */
@Component
class AnnounceReviewListener implements TaskListener {

    private final HrNotifications notifications;
    private final InterviewRepository interviews;

    AnnounceReviewListener(HrNotifications notifications, InterviewRepository interviews) {
        this.notifications = notifications;
        this.interviews = interviews;
    }

    @Override
    public void notify(DelegateTask task) {
        Object interviewId = task.getVariable(ExitInterviewProcess.Var.INTERVIEW_ID);
        boolean demo = interviewId != null && interviews.findById(UUID.fromString(interviewId.toString()))
                .map(Interview::isDemo).orElse(false);
        if (!demo) {
            notifications.reviewWaiting();
        }
    }
}
