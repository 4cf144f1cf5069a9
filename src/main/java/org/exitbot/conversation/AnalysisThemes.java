package org.exitbot.conversation;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.exitbot.analysis.Theme;
import org.exitbot.questions.ThemeTaxonomy;
import org.springframework.stereotype.Component;

/** The analysis' themes, which the question sets' scripted follow-ups probe. */
@Component
class AnalysisThemes implements ThemeTaxonomy {

    private static final Set<String> CODES = Arrays.stream(Theme.values()).map(Theme::code)
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public Set<String> codes() {
        return CODES;
    }
}
