package org.exitbot.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param employeeChoosesVisibility whether the employee may choose between attributed and anonymous
 * @param retention                 how long interviews are kept after the review before they are anonymised
 */
@ConfigurationProperties("exitbot.privacy")
public record PrivacyProperties(
        @DefaultValue("true") boolean employeeChoosesVisibility,
        @DefaultValue("365d") Duration retention) {
}
