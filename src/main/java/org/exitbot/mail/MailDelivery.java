package org.exitbot.mail;

/**
 * What became of one of an interview's mails ({@link InterviewMailer}); {@code NOT_DUE}: none was due, e.g. no
 * reminder once the interview ended. {@code UNCONFIRMED}: a send was begun earlier and never confirmed, so it may
 * or may not have gone out; it is not repeated.
 */
public enum MailDelivery { SENT, SENT_BEFORE, UNCONFIRMED, NOT_DUE }
