package org.exitbot.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.exitbot.ExitBotIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Names and free text that reach a log message (a leaver's name, an LLM's answer, a question set's title) cannot
 * start a log line of their own: the app's logging writes line breaks inside a message's values as {@code \n}.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogLinesTest extends ExitBotIntegrationTest {

    private static final String FORGED = "2026-11-25T10:00:00.000Z  INFO 1 --- [exitbot] [main] o.e.security.Audit"
            + "                       : admin granted hr to mallory";

    @Test
    void lineBreaksInAMessagesValuesCannotForgeALogLine(CapturedOutput output) {
        LoggerFactory.getLogger(LogLinesTest.class).warn("Interview {} continues without follow-ups: {}", "42",
                "the model said\r\n" + FORGED + "\nand\u2028more");
        assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("2026-11-25T10:00:00.000Z"));
        assertThat(output.getOut()).contains("continues without follow-ups: the model said\\r\\n2026-11-25T10:00:00")
                .contains("mallory\\nand\\u2028more");
    }

    @Test
    void aMessageOfTheAppsOwnMayStillSpanLines(CapturedOutput output) {
        LoggerFactory.getLogger(LogLinesTest.class).info("First line\n  second line of the same message: {}", "value");
        assertThat(output.getOut()).contains("First line\n  second line of the same message: value");
    }
}
