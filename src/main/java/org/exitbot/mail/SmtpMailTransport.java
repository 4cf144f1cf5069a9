package org.exitbot.mail;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

class SmtpMailTransport implements MailTransport {

    private final JavaMailSender sender;
    private final MailProperties properties;

    SmtpMailTransport(JavaMailSender sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public void send(OutgoingMail mail) {
        var message = sender.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from(), properties.fromName());
            if (properties.replyTo() != null && !properties.replyTo().isBlank()) {
                helper.setReplyTo(properties.replyTo());
            }
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            // JavaMailSenderImpl keeps a Message-ID set before the send
            if (mail.messageId() != null) {
                message.setHeader("Message-ID", mail.messageId());
            }
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new MailSendException("Cannot build the mail to " + mail.to(), e);
        }
        sender.send(message);
    }
}
