package org.exitbot.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Pages for an interview speak the interview's language (a controller sets {@link #INTERVIEW_LOCALE}); every
 * other page follows the browser's Accept-Language among the supported languages.
 */
@Component("localeResolver")
public class InterviewLocaleResolver extends AcceptHeaderLocaleResolver {

    public static final String INTERVIEW_LOCALE = InterviewLocaleResolver.class.getName() + ".locale";

    InterviewLocaleResolver(Languages languages) {
        List<Locale> supported = languages.locales().stream().map(Locale::forLanguageTag).toList();
        setSupportedLocales(supported);
        setDefaultLocale(Locale.forLanguageTag(languages.defaultLocale()));
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return request.getAttribute(INTERVIEW_LOCALE) instanceof Locale locale ? locale : super.resolveLocale(request);
    }
}
