package org.exitbot.notify;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.notify.HrNotificationProcess.Var;
import org.springframework.stereotype.Component;

@Component
class CountOverdueReviewsDelegate implements JavaDelegate {

    private final ReviewQueue reviews;

    CountOverdueReviewsDelegate(ReviewQueue reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Var.OVERDUE_REVIEWS, reviews.overdue());
        execution.setVariable(Var.NOTICE, Notice.REVIEWS_OVERDUE.name());
    }
}
