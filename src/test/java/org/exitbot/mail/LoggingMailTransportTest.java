package org.exitbot.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Without SMTP the mail is logged, marked as a development aid, and its text cannot forge a log line. */
@ExtendWith(OutputCaptureExtension.class)
class LoggingMailTransportTest {

    private static final String FORGED = "2026-11-25T10:00:00.000Z  INFO 1 --- [exitbot] [main] o.e.mail.Audit : sent";

    @Test
    void theLoggedMailIsMarkedForDevelopmentOnly(CapturedOutput output) {
        new LoggingMailTransport().send(new OutgoingMail("sam@example.org", "Your exit interview",
                "Dear Sam,\n\nhttp://localhost:8080/i/abc\n", "<p>Dear Sam</p>", null));
        assertThat(output.getOut()).contains("FOR DEVELOPMENT ONLY").contains("so this mail is logged instead of sent")
                .contains("To: sam@example.org").contains("http://localhost:8080/i/abc");
    }

    @Test
    void aNameWithLineBreaksCannotForgeALogLine(CapturedOutput output) {
        new LoggingMailTransport().send(new OutgoingMail("sam@example.org\r\n" + FORGED, "Hello\n" + FORGED,
                "Dear Sam\r\n" + FORGED + "\n\nBye", "<p>x</p>", null));
        assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("2026-11-25T10:00:00.000Z"));
        assertThat(output.getOut()).contains("Dear Sam").contains("Bye");
    }
}
