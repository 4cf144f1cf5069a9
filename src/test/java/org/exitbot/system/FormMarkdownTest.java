package org.exitbot.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text bound for a form's Markdown is escaped so that it renders as the characters it is. */
class FormMarkdownTest {

    @Test
    void everyMarkdownAndHtmlSignIsEscaped() {
        assertThat(FormMarkdown.escape("[Open](https://evil.example/x) ![p](y.png) <b>hi</b> a@b.example"))
                .isEqualTo("\\[Open\\]\\(https\\:\\/\\/evil\\.example\\/x\\) \\!\\[p\\]\\(y\\.png\\) \\<b\\>hi\\<\\/b\\>"
                        + " a\\@b\\.example");
        assertThat(FormMarkdown.escape("# Heading\n- item *bold* _it_ `code` | 1.")).isEqualTo(
                "\\# Heading\n\\- item \\*bold\\* \\_it\\_ \\`code\\` \\| 1\\.");
    }

    @Test
    void plainWordsAndNullStayAsTheyAre() {
        assertThat(FormMarkdown.escape("Pay was fair")).isEqualTo("Pay was fair");
        assertThat(FormMarkdown.escape(null)).isNull();
    }
}
