package org.exitbot.conversation;

import java.util.Arrays;
import java.util.List;
import org.exitbot.analysis.Theme;
import org.exitbot.questions.ThemeTaxonomy;
import org.springframework.stereotype.Component;

/** The analysis' themes, which the question sets' scripted follow-ups probe. */
@Component
class AnalysisThemes implements ThemeTaxonomy {

    private static final List<String> CODES = Arrays.stream(Theme.values()).map(Theme::code).toList();

    @Override
    public List<String> codes() {
        return CODES;
    }
}
