package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.mail.InterviewMailer;
import org.springframework.stereotype.Component;

@Component
class SendInvitationDelegate implements JavaDelegate {

    private final InterviewMailer mailer;

    SendInvitationDelegate(InterviewMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mailer.sendInvitation(ExitInterviewProcess.interviewId(execution));
    }
}
