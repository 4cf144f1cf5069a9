package org.exitbot.conversation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.exitbot.interview.Message;
import org.exitbot.interview.MessageRole;
import org.exitbot.llm.DelimitedText;
import org.exitbot.llm.LlmAnswer;
import org.exitbot.llm.PromptTemplate;
import org.exitbot.llm.Prompts;
import org.exitbot.llm.StructuredLlm;
import org.exitbot.system.ExitBotProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Asks the LLM whether a reply deserves a follow-up question, in a small streamed call of its own: the reply's
 * analysis waits for the interview's, so the employee waits for the question alone. How long the employee waited,
 * from sending the reply until the advice came back, is {@value #WAIT_METRIC}.
 */
@Component
class FollowUpAdvisor {

    static final String PROMPT = "follow-up";
    static final String PROMPT_VERSION = "v2";
    static final String WAIT_METRIC = "exitbot.follow-up.wait";
    private static final Duration[] WAIT_BUCKETS = DoubleStream.of(0.5, 1, 2, 3, 5, 8, 13, 20, 30, 60, 120, 300)
            .mapToObj(seconds -> Duration.ofMillis((long) (seconds * 1000))).toArray(Duration[]::new);

    private final StructuredLlm llm;
    private final Prompts prompts;
    private final ExitBotProperties properties;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;

    FollowUpAdvisor(StructuredLlm llm, Prompts prompts, ExitBotProperties properties, ApplicationEventPublisher events,
            MeterRegistry meters, Clock clock) {
        this.llm = llm;
        this.prompts = prompts;
        this.properties = properties;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * @param thread      the messages of this question so far, ending with the reply to judge
     * @param firstTokenBy when the LLM must have started to answer; later, {@link
     *                     org.exitbot.llm.LlmOutOfTimeException} is thrown
     * @return the follow-up question, or null when none should be asked
     */
    String advise(UUID interviewId, String locale, int questionNumber, int questionCount, List<Message> thread,
            int followUpsAsked, int maxFollowUps, Instant firstTokenBy) {
        PromptTemplate prompt = prompts.get(PROMPT, PROMPT_VERSION);
        Message reply = thread.get(thread.size() - 1);
        boolean followUpAllowed = followUpsAsked < maxFollowUps;
        var values = Map.of(
                "organisation", properties.organisationName(),
                "language", Locale.forLanguageTag(locale).getDisplayLanguage(Locale.ENGLISH),
                "questionNumber", questionNumber,
                "questionCount", questionCount,
                "question", thread.get(0).getText(),
                "earlier", earlier(thread),
                "reply", DelimitedText.defuse(reply.getText()),
                "followUpRule", followUpAllowed
                        ? "You may ask one follow-up question if it would really help (" + followUpsAsked + " of "
                                + maxFollowUps + " asked so far)."
                        : "Do not ask a follow-up now: set askFollowUp to false and followUp to an empty string.");
        var lastDraft = new StringBuilder();
        LlmAnswer<FollowUpAdvice> answer = llm.askStreaming(prompt, values, FollowUpAdvice.class, json -> {
            String draft = FollowUpDraftReader.textSoFar(json);
            if (followUpAllowed && !draft.isEmpty() && !draft.contentEquals(lastDraft)) {
                lastDraft.replace(0, lastDraft.length(), draft);
                events.publishEvent(new FollowUpDraft(interviewId, draft));
            }
        }, firstTokenBy);
        FollowUpAdvice advice = answer.value();
        String followUp = followUpAllowed && advice.askFollowUp() && advice.followUp() != null
                && !advice.followUp().isBlank() ? advice.followUp().strip() : null;
        recordWait(reply, followUp != null);
        return followUp;
    }

    private void recordWait(Message reply, boolean asked) {
        Instant sent = reply.getEditedAt() != null ? reply.getEditedAt() : reply.getCreatedAt();
        Timer.builder(WAIT_METRIC)
                .description("From the employee's reply until the follow-up, or the decision to ask none")
                .tag("follow_up", asked ? "asked" : "none")
                .serviceLevelObjectives(WAIT_BUCKETS)
                .register(meters)
                .record(Duration.between(sent, clock.instant()));
    }

    private static String earlier(List<Message> thread) {
        if (thread.size() <= 2) {
            return "(none)";
        }
        return thread.subList(1, thread.size() - 1).stream()
                .map(m -> m.getRole() == MessageRole.BOT
                        ? "Your follow-up: " + m.getText()
                        : "Employee: <employee_text>" + DelimitedText.defuse(m.getText()) + "</employee_text>")
                .collect(Collectors.joining("\n"));
    }
}
