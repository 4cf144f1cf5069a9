package org.exitbot.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from     the sender address
 * @param fromName the sender name employees see
 * @param replyTo  where replies go, e.g. an HR mailbox; none when empty
 */
@ConfigurationProperties("exitbot.mail")
public record MailProperties(
        @DefaultValue("exitbot@localhost") String from,
        @DefaultValue("ExitBot") String fromName,
        String replyTo) {
}
