package org.exitbot.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void lineBreaksAndControlCharactersAreWrittenAsEscapes() {
        assertThat(LogText.oneLine("Sam\r\nINFO forged\u2028x\u0007")).isEqualTo("Sam\\r\\nINFO forged\\u2028x\\u0007");
        assertThat(LogText.oneLine("tab\tstays")).isEqualTo("tab\tstays");
        assertThat(LogText.oneLine(new String[] {"a\nb"})).isEqualTo("[a\\nb]");
        assertThat(LogText.oneLine(null)).isEqualTo("null");
    }
}
