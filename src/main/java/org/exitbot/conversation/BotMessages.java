package org.exitbot.conversation;

import java.util.Locale;
import org.exitbot.system.ExitBotProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The bot's fixed lines, in the interview's language. */
@Component
class BotMessages {

    /** Who the bot's messages are recorded by. */
    static final String BOT = "bot";

    private final MessageSource messages;
    private final ExitBotProperties properties;

    BotMessages(MessageSource messages, ExitBotProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    String welcome(String locale, int questionCount) {
        return text("bot.welcome", locale, properties.organisationName(), questionCount);
    }

    String thanks(String locale) {
        return text("bot.thanks", locale, properties.organisationName());
    }

    String stopped(String locale) {
        return text("bot.stopped", locale);
    }

    /** Said instead of a follow-up when the LLM did not start one within the turn's budget. */
    String movingOn(String locale) {
        return text("bot.moving-on", locale);
    }

    private String text(String key, String locale, Object... args) {
        return messages.getMessage(key, args, Locale.forLanguageTag(locale));
    }
}
