package org.exitbot.analysis;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param rerunCapacity how many interviews {@code POST /api/analyses/rerun?scope=fallback} queues at most */
@Validated
@ConfigurationProperties("exitbot.analysis")
public record AnalysisProperties(@DefaultValue("500") @Min(1) int rerunCapacity) {
}
