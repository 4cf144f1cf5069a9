package org.exitbot.report;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param minReviews how many interviews HR must have corrected before the agreement report shows any figure
 * @param checkBelow a theme whose F1 against HR's corrections is below this, for the analysis' model and prompt
 *     version, is marked "check by hand" on the review form
 */
@Validated
@ConfigurationProperties("exitbot.agreement")
public record AgreementProperties(@DefaultValue("20") @Min(1) int minReviews,
        @DefaultValue("0.6") @DecimalMin("0") @DecimalMax("1") double checkBelow) {
}
