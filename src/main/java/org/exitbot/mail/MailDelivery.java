package org.exitbot.mail;

/**
 * What became of one of an interview's mails ({@link InterviewMailer}); {@code NOT_DUE}: none was due, e.g. no
 * reminder once the interview ended.
 */
public enum MailDelivery { SENT, SENT_BEFORE, NOT_DUE }
