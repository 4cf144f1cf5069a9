package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.mail.InterviewMailer;
import org.springframework.stereotype.Component;

@Component
class SendInvitationDelegate implements JavaDelegate {

    private final InterviewMailer mailer;
    private final UnconfirmedMailIncident unconfirmed;

    SendInvitationDelegate(InterviewMailer mailer, UnconfirmedMailIncident unconfirmed) {
        this.mailer = mailer;
        this.unconfirmed = unconfirmed;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var delivery = mailer.sendInvitation(ExitInterviewProcess.interviewId(execution));
        unconfirmed.raiseIfUnconfirmed(execution, "invitation", delivery);
    }
}
