package org.exitbot.mail;

import org.exitbot.system.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without SMTP, mail is written to the log so the link can be opened by hand: a development aid, since the log then
 * holds the links and addresses of real people. Each line of the mail is logged as a value, on a line of its own
 * behind a margin, so that nothing in it can pass for a log line.
 */
class LoggingMailTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailTransport.class);

    LoggingMailTransport() {
        log.warn("FOR DEVELOPMENT ONLY: no SMTP server is configured (SMTP_HOST), so mail is written to this log, "
                + "interview links included. Configure SMTP before inviting real employees.");
    }

    @Override
    public void send(OutgoingMail mail) {
        var message = new StringBuilder("""
                FOR DEVELOPMENT ONLY: no SMTP server is configured (SMTP_HOST), so this mail is logged instead of sent:
                  | To: {}
                  | Subject: {}
                  |""");
        String[] lines = mail.text().split("\\R", -1);
        Object[] values = new Object[lines.length + 2];
        values[0] = LogText.oneLine(mail.to());
        values[1] = LogText.oneLine(mail.subject());
        for (int i = 0; i < lines.length; i++) {
            message.append("\n  | {}");
            values[i + 2] = LogText.oneLine(lines[i]);
        }
        log.info(message.toString(), values);
    }
}
