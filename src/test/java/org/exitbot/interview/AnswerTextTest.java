package org.exitbot.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.exitbot.system.InvalidInputException;
import org.junit.jupiter.api.Test;

class AnswerTextTest {

    @Test
    void acceptedTextIsReturnedUnchanged() {
        String text = "  padded, with emoji 👋🏽 and\nnew lines\t ";
        assertThat(AnswerText.check(text, 100)).isSameAs(text);
    }

    @Test
    void theLimitCountsCharactersNotUtf16Units() {
        String emoji = "👋".repeat(10);
        assertThat(AnswerText.check(emoji, 10)).isEqualTo(emoji);
        assertThatThrownBy(() -> AnswerText.check(emoji + "!", 10)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 10");
    }

    @Test
    void emptyBlankAndControlCharactersAreRefused() {
        assertThatThrownBy(() -> AnswerText.check(null, 10)).hasMessageContaining("empty");
        assertThatThrownBy(() -> AnswerText.check(" \n ", 10)).hasMessageContaining("empty");
        assertThatThrownBy(() -> AnswerText.check("a\u0000b", 10)).hasMessageContaining("control");
    }
}
