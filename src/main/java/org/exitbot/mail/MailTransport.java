package org.exitbot.mail;

/** Where mail goes: SMTP when configured, otherwise the log. */
public interface MailTransport {

    void send(OutgoingMail mail);
}
