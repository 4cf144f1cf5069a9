package org.exitbot.mail;

/** A mail with a text and an HTML body. */
public record OutgoingMail(String to, String subject, String text, String html) {
}
