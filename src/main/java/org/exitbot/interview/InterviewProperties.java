package org.exitbot.interview;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The interview's settings; its languages are in {@link org.exitbot.system.Languages}.
 *
 * @param maxFollowUps        follow-up questions the bot may ask per question
 * @param answerMaxLength     the longest answer accepted, in characters
 * @param responseWindow      how long the employee has, from the invitation
 * @param reminderBeforeExpiry when the reminder goes out, before the window closes
 * @param reviewWithin        when HR's review task falls due, from its creation
 */
@Validated
@ConfigurationProperties("exitbot.interview")
public record InterviewProperties(
        @DefaultValue("2") @Min(0) @Max(5) int maxFollowUps,
        @DefaultValue("5000") @Min(100) @Max(100000) int answerMaxLength,
        @DefaultValue("14d") Duration responseWindow,
        @DefaultValue("3d") Duration reminderBeforeExpiry,
        @DefaultValue("default") String defaultQuestionSet,
        @DefaultValue("attributed") Visibility defaultVisibility,
        @DefaultValue("7d") Duration reviewWithin) {
}
