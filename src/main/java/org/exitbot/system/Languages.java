package org.exitbot.system;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The languages interviews, question sets and the employee's pages come in. Bound from the same
 * {@code exitbot.interview} settings as the interview's other settings, so that question sets and pages, which
 * sit below the interview, can read them too.
 *
 * @param defaultLocale the language of an interview when HR gives none
 * @param locales       the languages an interview can be held in
 */
@Validated
@ConfigurationProperties("exitbot.interview")
public record Languages(
        @DefaultValue("en") String defaultLocale,
        @DefaultValue({"en", "de", "fr", "es"}) @NotEmpty List<String> locales) {

    /** {@code locale}, or the default when it is null; an invalid input for a language not offered. */
    public String checked(String field, String locale) {
        String chosen = locale == null ? defaultLocale : locale;
        if (!locales.contains(chosen)) {
            throw new InvalidInputException(field, "must be one of " + String.join(", ", locales));
        }
        return chosen;
    }
}
