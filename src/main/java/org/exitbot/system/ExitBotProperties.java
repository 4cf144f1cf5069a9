package org.exitbot.system;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param organisationName the name employees see in mails, on the chat page and in the bot's words
 * @param publicUrl        the address employees reach the app at; interview links start with it
 * @param dataDir          where the embedded default keeps its database and generated secrets
 */
@ConfigurationProperties("exitbot")
public record ExitBotProperties(
        @DefaultValue("Your organisation") String organisationName,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("./data") Path dataDir) {
}
