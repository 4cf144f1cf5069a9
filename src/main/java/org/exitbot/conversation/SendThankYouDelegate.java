package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.mail.InterviewMailer;
import org.springframework.stereotype.Component;

@Component
class SendThankYouDelegate implements JavaDelegate {

    private final InterviewMailer mailer;
    private final UnconfirmedMailIncident unconfirmed;

    SendThankYouDelegate(InterviewMailer mailer, UnconfirmedMailIncident unconfirmed) {
        this.mailer = mailer;
        this.unconfirmed = unconfirmed;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var delivery = mailer.sendThankYou(ExitInterviewProcess.interviewId(execution));
        unconfirmed.raiseIfUnconfirmed(execution, "thank-you", delivery);
    }
}
