package org.exitbot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.exitbot.analysis.FallbackAnalyzer;
import org.exitbot.analysis.Sentiment;
import org.exitbot.analysis.Theme;
import org.exitbot.analysis.ThemeEvidence;
import org.exitbot.system.Languages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo's answers cover the taxonomy and every sentiment in each language, and read as they are labelled. */
class DemoAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DemoAnswers ANSWERS = new DemoAnswers(JSON, new Languages("en", List.of("en", "de", "fr", "es")));
    private static final FallbackAnalyzer FALLBACK = new FallbackAnalyzer(JSON);

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "fr", "es"})
    void everyThemeAndEverySentimentIsThereAndTheFallbackReadsEachAnswerAsLabelled(String locale) {
        List<DemoAnswers.Answer> answers = ANSWERS.of(locale);
        assertThat(answers.stream().map(DemoAnswers.Answer::theme).distinct())
                .containsExactlyInAnyOrder(Theme.values());
        assertThat(answers.stream().map(DemoAnswers.Answer::sentiment).distinct())
                .containsExactlyInAnyOrder(Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE, Sentiment.MIXED);
        for (Theme theme : Theme.values()) {
            var moods = EnumSet.noneOf(Sentiment.class);
            answers.stream().filter(a -> a.theme() == theme).forEach(a -> moods.add(a.sentiment()));
            assertThat(moods).as("%s %s", locale, theme).contains(Sentiment.NEGATIVE, Sentiment.POSITIVE);
        }
        var misread = new ArrayList<String>();
        for (DemoAnswers.Answer answer : answers) {
            var insight = FALLBACK.analyse(answer.text(), locale);
            var themes = insight.themes().stream().map(ThemeEvidence::theme).toList();
            if (insight.sentiment() != answer.sentiment() || themes.isEmpty() || themes.get(0) != answer.theme()) {
                misread.add(answer.theme().code() + "/" + answer.sentiment().code() + " read as "
                        + insight.sentiment().code() + " " + themes + ": " + answer.text());
            }
        }
        assertThat(misread).as("answers the fallback reads otherwise than labelled").isEmpty();
    }
}
