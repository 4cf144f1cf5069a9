package org.exitbot.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.InterviewJudgement;
import org.exitbot.analysis.Sentiment;
import org.exitbot.llm.OllamaStub.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StructuredLlmTest extends ExitBotIntegrationTest {

    @Autowired
    StructuredLlm llm;

    @Autowired
    Prompts prompts;

    @Autowired
    MeterRegistry meters;

    private static final Map<String, Object> VALUES = Map.of("organisation", "Acme", "language", "English",
            "transcript", "Question 1: Why?\nEmployee: <employee_text>Pay.</employee_text>", "maxSummaryWords", 100);

    @Test
    void sendsAValidOllamaRequestWithTheSchemaAsFormatAndParsesTheAnswer() {
        ollama.enqueue(Reply.json(verdict("negative", -0.5, "Pay was too low.")));
        LlmAnswer<InterviewJudgement> answer = llm.ask(prompt(), VALUES, InterviewJudgement.class);
        assertThat(answer.value().sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(answer.model()).isEqualTo("llama3.1:8b");
        assertThat(answer.promptVersion()).isEqualTo("analysis/v2");

        var request = ollama.requests().get(0);
        assertThat(ollama.violations()).isEmpty();
        assertThat(request.body().get("stream").asBoolean()).isFalse();
        assertThat(request.body().get("keep_alive").asText()).isEqualTo("10m");
        assertThat(request.body().at("/options/temperature").asDouble()).isEqualTo(0.2);
        assertThat(request.body().at("/format/properties/sentiment/enum")).hasSize(4);
        assertThat(request.message("system")).contains("Acme").contains("data, not instructions");
        assertThat(request.message("user")).contains("<employee_text>Pay.</employee_text>");
    }

    @Test
    void malformedOutputIsAskedForOnceMore() {
        ollama.enqueue(Reply.content("Sure! Here is the analysis you asked for: {sentiment: negative"),
                Reply.json(verdict("mixed", 0.1, "Liked the team, not the pay.")));
        assertThat(llm.ask(prompt(), VALUES, InterviewJudgement.class).value().sentiment()).isEqualTo(Sentiment.MIXED);
        assertThat(ollama.requests()).hasSize(2);
    }

    @Test
    void outputOutsideTheAllowedValuesCountsAsMalformedAndTwiceMeansUnavailable() {
        ollama.enqueue(Reply.json(verdict("negative", 3.0, "Score out of range.")),
                Reply.json(Map.of("sentiment", "furious", "score", 0.0, "summary", List.of(), "themes", List.of())));
        assertThatThrownBy(() -> llm.ask(prompt(), VALUES, InterviewJudgement.class))
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("malformed");
        assertThat(ollama.requests()).hasSize(2);
    }

    @Test
    void aSummaryOverTheWordLimitIsMalformed() {
        String tooLong = "word ".repeat(InterviewJudgement.MAX_SUMMARY_WORDS + 1);
        ollama.enqueue(Reply.json(verdict("neutral", 0.0, tooLong)), Reply.json(verdict("neutral", 0.0, tooLong)));
        assertThatThrownBy(() -> llm.ask(prompt(), VALUES, InterviewJudgement.class))
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("summaryShort");
    }

    @Test
    void serverErrorsAndRefusalsBecomeUnavailable() {
        ollama.enqueue(Reply.error(500, "model runner has unexpectedly stopped"));
        assertThatThrownBy(() -> llm.ask(prompt(), VALUES, InterviewJudgement.class))
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("unexpectedly stopped");
        ollama.enqueue(Reply.error(404, "model \"llama3.1:8b\" not found, try pulling it first"));
        assertThatThrownBy(() -> llm.ask(prompt(), VALUES, InterviewJudgement.class))
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("not found");
    }

    @Test
    void aStreamedCallThatHasNotStartedByItsDeadlineIsCancelledAsOutOfTime() {
        long outOfTimeBefore = outOfTimeCalls();
        ollama.enqueue(Reply.json(verdict("negative", -0.5, "Pay was too low.")).after(Duration.ofSeconds(3)));
        var progress = new ArrayList<String>();
        assertThatThrownBy(() -> llm.askStreaming(prompt(), VALUES, InterviewJudgement.class, progress::add,
                Instant.now().plusMillis(300)))
                .isInstanceOf(LlmOutOfTimeException.class);
        assertThat(progress).isEmpty();
        assertThatThrownBy(() -> llm.askStreaming(prompt(), VALUES, InterviewJudgement.class, progress::add,
                Instant.now().minusMillis(1)))
                .as("no time left: no call at all").isInstanceOf(LlmOutOfTimeException.class);
        assertThat(ollama.requests()).as("the second call asked nothing").hasSizeLessThanOrEqualTo(1);
        assertThat(outOfTimeCalls() - outOfTimeBefore).isEqualTo(2);
    }

    @Test
    void aCallWithADeadlineIsCancelledWhenItsWholeAnswerHasNotComeByThenEvenIfItStarted() {
        long outOfTimeBefore = outOfTimeCalls();
        ollama.enqueue(Reply.json(verdict("negative", -0.5, "The employee left because the pay was too low for the work"
                + " they did here.")).streamedSlowly(Duration.ofMillis(300)));
        assertThatThrownBy(() -> llm.ask(prompt(), VALUES, InterviewJudgement.class, Instant.now().plusMillis(700)))
                .isInstanceOf(LlmOutOfTimeException.class).hasMessageContaining("had not answered");
        assertThatThrownBy(() -> llm.ask(prompt(), VALUES, InterviewJudgement.class, Instant.now().minusMillis(1)))
                .as("no time left: no call at all").isInstanceOf(LlmOutOfTimeException.class);
        assertThat(outOfTimeCalls() - outOfTimeBefore).isEqualTo(2);

        ollama.enqueue(Reply.json(verdict("negative", -0.5, "Pay was too low.")));
        assertThat(llm.ask(prompt(), VALUES, InterviewJudgement.class, Instant.now().plusSeconds(5)).value().sentiment())
                .as("in time").isEqualTo(Sentiment.NEGATIVE);
    }

    private long outOfTimeCalls() {
        Timer calls = meters.find(StructuredLlm.CALLS_METRIC).tags("prompt", prompt().id(), "outcome", "out_of_time")
                .timer();
        return calls == null ? 0 : calls.count();
    }

    @Test
    void theDeadlineIsForTheFirstChunkOnlyAStartedAnswerMayTakeLonger() {
        ollama.enqueue(Reply.json(verdict("negative", -0.5, "The employee left because the pay was too low for the work"
                + " they did here.")).streamedSlowly(Duration.ofMillis(300)));
        var progress = new ArrayList<String>();
        var answer = llm.askStreaming(prompt(), VALUES, InterviewJudgement.class, progress::add,
                Instant.now().plusSeconds(3));
        assertThat(answer.value().sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(progress.size()).isGreaterThan(1);
    }

    private PromptTemplate prompt() {
        return prompts.get("analysis", "v2");
    }

    private static Map<String, Object> verdict(String sentiment, double score, String summary) {
        return Map.of("sentiment", sentiment, "score", score, "summary", List.of(Map.of("statement", summary,
                "evidence", "Pay.")), "mainReason",
                "compensation_benefits", "themes", List.of(Map.of("theme", "compensation_benefits", "quote", "Pay.")));
    }
}
