package org.exitbot.action;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a theme starts an action, and how an action is followed.
 *
 * @param minShare       a theme alerts once it is found in at least this share of a group's analysed interviews
 * @param minCount       and in at least this many of them; never fewer than the reports' k, whatever is set
 * @param window         the rolling window the check looks at, ending today: interviews invited in it count
 * @param reminderBefore how long before the due date the owner is reminded
 * @param followUp       how long after the action was carried out its effect is measured
 */
@Validated
@ConfigurationProperties("exitbot.actions")
public record ActionProperties(
        @DefaultValue("0.3") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double minShare,
        @DefaultValue("5") @Min(1) int minCount,
        @DefaultValue("90d") Duration window,
        @DefaultValue("7d") Duration reminderBefore,
        @DefaultValue("6m") Period followUp) {

    @AssertTrue(message = "exitbot.actions.window must be a whole number of days, at least one")
    public boolean isWindowInWholeDays() {
        return window.toDays() >= 1 && window.equals(Duration.ofDays(window.toDays()));
    }

    @AssertTrue(message = "exitbot.actions.reminder-before must be positive")
    public boolean isReminderBeforePositive() {
        return !reminderBefore.isNegative() && !reminderBefore.isZero();
    }

    @AssertTrue(message = "exitbot.actions.follow-up must be positive")
    public boolean isFollowUpPositive() {
        return !followUp.isNegative() && !followUp.isZero();
    }
}
