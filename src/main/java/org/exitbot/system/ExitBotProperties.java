package org.exitbot.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param organisationName the name employees see in mails, on the chat page and in the bot's words
 * @param publicUrl        the address employees reach the app at; interview links start with it
 * @param dataDir          where the embedded default keeps its database and generated secrets
 * @param timeZone         the time zone of dates employees read (deadlines in mails and on the chat page)
 */
@ConfigurationProperties("exitbot")
public record ExitBotProperties(
        @DefaultValue("Your organisation") String organisationName,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("UTC") ZoneId timeZone) {

    @ConstructorBinding
    public ExitBotProperties {
    }

    /** Settings for code outside the app (the evaluation), with dates in UTC. */
    public ExitBotProperties(String organisationName, URI publicUrl, Path dataDir) {
        this(organisationName, publicUrl, dataDir, ZoneId.of("UTC"));
    }
}
