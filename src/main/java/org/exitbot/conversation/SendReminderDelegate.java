package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.mail.InterviewMailer;
import org.springframework.stereotype.Component;

@Component
class SendReminderDelegate implements JavaDelegate {

    private final InterviewMailer mailer;

    SendReminderDelegate(InterviewMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mailer.sendReminder(ExitInterviewProcess.interviewId(execution));
    }
}
