package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.exitbot.mail.MailDelivery;
import org.springframework.stereotype.Component;

/**
 * A mail whose send was begun and never confirmed is not sent again; it becomes an incident of its own on the
 * interview's process (in Cockpit and on the dashboard's Process page), so that someone checks the mail server's
 * log, while the interview goes on.
 */
@Component
class UnconfirmedMailIncident {

    static final String TYPE = ExitInterviewProcess.MAIL_UNCONFIRMED_INCIDENT;

    void raiseIfUnconfirmed(DelegateExecution execution, String mail, MailDelivery delivery) {
        if (delivery == MailDelivery.UNCONFIRMED) {
            execution.createIncident(TYPE, execution.getProcessBusinessKey(), "The " + mail + " mail of this "
                    + "interview was begun earlier and never confirmed: it may not have arrived. It is not sent twice; "
                    + "check the mail server's log, then resolve this incident.");
        }
    }
}
