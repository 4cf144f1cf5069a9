package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.mail.InterviewMailer;
import org.springframework.stereotype.Component;

@Component
class SendThankYouDelegate implements JavaDelegate {

    private final InterviewMailer mailer;

    SendThankYouDelegate(InterviewMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mailer.sendThankYou(ExitInterviewProcess.interviewId(execution));
    }
}
