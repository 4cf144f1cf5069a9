package org.exitbot.mail;

/**
 * A mail with a text and an HTML body. Its Message-ID is the same every time this mail of this interview is sent,
 * so that a mailbox shows a mail sent again after a cut-off send once; null, a new one at every send.
 */
public record OutgoingMail(String to, String subject, String text, String html, String messageId) {

    OutgoingMail withMessageId(String id) {
        return new OutgoingMail(to, subject, text, html, id);
    }
}
