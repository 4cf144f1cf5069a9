package org.exitbot.system;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * Every text employees read (page, mails, the bot's fixed lines) comes from {@code i18n/messages*.properties}.
 * An organisation changes any of them by putting {@code messages.properties} or {@code messages_de.properties}
 * (only the keys it wants to change) into {@code EXITBOT_TEXTS_DIR}.
 */
@Configuration(proxyBeanMethods = false)
class TextsConfiguration {

    @Bean
    MessageSource messageSource(@Value("${exitbot.texts-dir:}") String textsDir) {
        var source = new ReloadableResourceBundleMessageSource();
        if (!textsDir.isBlank()) {
            source.addBasenames(Path.of(textsDir).toAbsolutePath().toUri() + "messages");
        }
        source.addBasenames("classpath:i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        // every text goes through MessageFormat, so an apostrophe is always written ''
        source.setAlwaysUseMessageFormat(true);
        return source;
    }
}
