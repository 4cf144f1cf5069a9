package org.exitbot.mail;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The words of mails: lines from {@code i18n/messages*.properties}, bodies from {@code templates/mail}. */
@Component
class MailTexts {

    private final ITemplateEngine templates;
    private final MessageSource messages;

    MailTexts(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    String process(String template, Context context) {
        return templates.process(template, context);
    }

    String getMessage(String key, Object[] arguments, Locale locale) {
        return messages.getMessage(key, arguments, locale);
    }
}
