package org.exitbot.report;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param minGroupSize k: a group of fewer interviews shows as "fewer than k" and is never broken down */
@Validated
@ConfigurationProperties("exitbot.reports")
public record ReportProperties(@DefaultValue("5") @Min(1) int minGroupSize) {
}
