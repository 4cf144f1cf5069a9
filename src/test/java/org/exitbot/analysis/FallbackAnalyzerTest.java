package org.exitbot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FallbackAnalyzerTest {

    private final FallbackAnalyzer analyzer = new FallbackAnalyzer(new ObjectMapper());

    @Test
    void englishSentimentComesFromTheVaderLexicon() {
        var negative = analyzer.analyse("I hated the constant overtime and my manager ignored every complaint.", "en");
        assertThat(negative.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(negative.score()).isLessThan(-0.3);
        var positive = analyzer.analyse("I loved working here, the team was wonderful and supportive.", "en");
        assertThat(positive.sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void otherLanguagesAreMarkedUnknownRatherThanGuessed() {
        var german = analyzer.analyse("Die Arbeitsbelastung war enorm und das Gehalt zu niedrig.", "de");
        assertThat(german.sentiment()).isEqualTo(Sentiment.UNKNOWN);
        assertThat(german.score()).isNull();
        assertThat(german.themes()).extracting(ThemeEvidence::theme)
                .contains(Theme.WORKLOAD_STRESS, Theme.COMPENSATION_BENEFITS);
    }

    @Test
    void everyThemeQuotesTheSentenceItWasFoundInVerbatim() {
        String text = "The team was great. But the salary was far below market! I also got no promotion in four years.";
        var insight = analyzer.analyse(text, "en");
        assertThat(insight.themes()).extracting(ThemeEvidence::theme)
                .contains(Theme.COMPENSATION_BENEFITS, Theme.CAREER_GROWTH, Theme.TEAM_CULTURE);
        assertThat(insight.themes()).allSatisfy(t -> assertThat(text).contains(t.quote()));
        assertThat(insight.themes()).filteredOn(t -> t.theme() == Theme.COMPENSATION_BENEFITS)
                .extracting(ThemeEvidence::quote).containsExactly("But the salary was far below market!");
    }

    @Test
    void wholeWordPhrasesDoNotMatchInsideOtherWords() {
        assertThat(analyzer.analyse("I repaid my loan.", "en").themes()).extracting(ThemeEvidence::theme)
                .doesNotContain(Theme.COMPENSATION_BENEFITS);
    }
}
