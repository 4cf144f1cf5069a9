package org.exitbot.privacy;

import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param employeeChoosesVisibility whether the employee may choose between attributed and anonymous
 * @param retention                 after HR's review, how long until the interview is anonymised
 * @param transcriptRetention       after HR's review, how long until the transcript is deleted
 */
@Validated
@ConfigurationProperties("exitbot.privacy")
public record PrivacyProperties(
        @DefaultValue("true") boolean employeeChoosesVisibility,
        @DefaultValue("365d") Duration retention,
        @DefaultValue("730d") Duration transcriptRetention) {

    @AssertTrue(message = "exitbot.privacy.transcript-retention must not be shorter than exitbot.privacy.retention")
    public boolean isTranscriptKeptNoLongerThanNeeded() {
        return transcriptRetention.compareTo(retention) >= 0;
    }
}
