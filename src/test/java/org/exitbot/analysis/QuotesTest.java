package org.exitbot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuotesTest {

    @Test
    void keepsVerbatimQuotesWithoutTheirQuoteMarksAndDropsInventedOnes() {
        String text = "My manager never gave feedback. The pay was fine.";
        var kept = Quotes.keepVerbatim(List.of(
                new ThemeEvidence(Theme.MANAGER_RELATIONSHIP, "“My manager never gave feedback.”"),
                new ThemeEvidence(Theme.COMPENSATION_BENEFITS, "The pay was terrible"),
                new ThemeEvidence(Theme.RECOGNITION, "  ")), text);
        assertThat(kept).containsExactly(new ThemeEvidence(Theme.MANAGER_RELATIONSHIP, "My manager never gave feedback."));
    }
}
