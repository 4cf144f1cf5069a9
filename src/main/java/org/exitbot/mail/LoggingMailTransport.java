package org.exitbot.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Without SMTP, mail is written to the log so the link can be opened by hand. */
class LoggingMailTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailTransport.class);

    @Override
    public void send(OutgoingMail mail) {
        log.info("""
                No SMTP server is configured (SMTP_HOST), so this mail is logged instead of sent:
                To: {}
                Subject: {}

                {}""", mail.to(), mail.subject(), mail.text());
    }
}
