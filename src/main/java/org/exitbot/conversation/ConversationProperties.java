package org.exitbot.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param followUpBudget the longest an employee waits for the bot after answering: when the LLM has not started to
 *                       write a follow-up by then, the interview moves on to the next question without one
 * @param summaryBudget  the longest an employee waits for the summary they check before finishing: when the LLM has
 *                       not analysed the interview by then, they are shown the automatic summary instead
 */
@ConfigurationProperties("exitbot.conversation")
public record ConversationProperties(@DefaultValue("15s") Duration followUpBudget,
        @DefaultValue("15s") Duration summaryBudget) {
}
