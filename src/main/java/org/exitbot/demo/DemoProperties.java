package org.exitbot.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled    load the demo interviews after start ({@code EXITBOT_DEMO_DATA})
 * @param interviews how many
 */
@Validated
@ConfigurationProperties("exitbot.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("150") @Min(1) @Max(1000) int interviews) {
}
