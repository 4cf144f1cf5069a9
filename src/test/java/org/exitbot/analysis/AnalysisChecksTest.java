package org.exitbot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.conversation.InterviewDriver;
import org.exitbot.llm.OllamaStub.Reply;
import org.exitbot.llm.OllamaStub;
import org.exitbot.system.FormMarkdown;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the LLM says is checked before HR sees it: quotes, summary statements, and the output's form. */
class AnalysisChecksTest extends ExitBotIntegrationTest {

    static final String ANSWER = "The new role pays roughly 30% more. My manager Lena fought for my promotion twice.";

    @Autowired
    ExitInterviews interviews;

    @Autowired
    AnalysisService analyses;

    InterviewDriver driver;

    @BeforeEach
    void driver() {
        driver = new InterviewDriver(interviews, processEngine.getTaskService(), this::runDueJobs);
    }

    @Test
    void aSummaryStatementTheEmployeesWordsDoNotBackIsFlaggedForHr() {
        ollama.respondWith(request -> request.isInterviewAnalysis()
                ? Reply.json(verdict(List.of(
                        Map.of("statement", "The new role pays about 30% more.", "evidence", "pays roughly 30% more"),
                        Map.of("statement", "Their manager Lena supported their promotion.",
                                "evidence", "My manager Lena fought for my promotion twice."),
                        Map.of("statement", "The employee also has a competing offer from Globex worth 50% more.",
                                "evidence", "pays roughly 30% more"),
                        Map.of("statement", "The employee felt burned out.", "evidence", "I was burned out"))))
                : OllamaStub.plausibleReply(request));
        UUID id = interviewAnswering(ANSWER);

        AnalysisView analysis = analyses.current(id).orElseThrow();
        assertThat(analysis.fallback()).isFalse();
        assertThat(analysis.summary()).startsWith("The new role pays about 30% more. Their manager Lena")
                .contains("The employee felt burned out.")
                .as("the stop is the code's to state").endsWith("The employee stopped the interview at question 2.");
        assertThat(analysis.flags()).hasSize(2);
        assertThat(analysis.flags().get(0)).contains("Globex", "the number 50");
        assertThat(analysis.flags().get(1)).contains("burned out", "evidence is not in the employee's words");
        String reviewFlags = processEngine.getTaskService()
                .getVariableLocal(driver.reviewTask(id).getId(), "flags").toString();
        assertThat(reviewFlags).as("escaped for the form's Markdown")
                .contains(FormMarkdown.escape(SummaryCheck.PREFIX + "\"The employee also has a competing offer"))
                .contains(FormMarkdown.escape(SummaryCheck.PREFIX + "\"The employee felt burned out.\""));
    }

    @Test
    void quotesThatAreNotTheEmployeesWordsAreDroppedPerAnswerAndOverall() {
        var invented = Map.of("theme", "compensation_benefits", "quote", "I was paid far too little");
        var real = Map.of("theme", "career_growth", "quote", "fought for my promotion twice");
        ollama.respondWith(request -> request.isInterviewAnalysis()
                ? Reply.json(Map.of("sentiment", "mixed", "score", 0.1, "mainReason", "compensation_benefits",
                        "themes", List.of(invented, real), "answers", List.of(Map.of("reply", "A1", "sentiment",
                                "mixed", "score", 0.1, "themes", List.of(invented, real))),
                        "summary", List.of(Map.of("statement", "Pay was the reason.", "evidence", "pays roughly 30% more"))))
                : OllamaStub.plausibleReply(request));
        UUID id = interviewAnswering(ANSWER);

        AnalysisView analysis = analyses.current(id).orElseThrow();
        assertThat(analysis.themes()).containsExactly(new ThemeEvidence(Theme.CAREER_GROWTH, "fought for my promotion twice"));
        assertThat(analysis.answers()).singleElement().satisfies(answer -> assertThat(answer.themes())
                .containsExactly(new ThemeEvidence(Theme.CAREER_GROWTH, "fought for my promotion twice")));
    }

    @Test
    void aVerdictThatIsMalformedTwiceLeavesTheInterviewToTheFlaggedFallback() {
        ollama.respondWith(request -> request.isInterviewAnalysis()
                ? Reply.json(Map.of("sentiment", "ecstatic", "score", 7, "summary", "not a list", "themes", List.of()))
                : OllamaStub.plausibleReply(request));
        UUID id = interviewAnswering(ANSWER);

        AnalysisView analysis = analyses.current(id).orElseThrow();
        assertThat(analysis.fallback()).isTrue();
        assertThat(analysis.model()).isEqualTo(FallbackAnalyzer.MODEL);
        assertThat(ollama.requests()).filteredOn(OllamaStub.ChatRequest::isInterviewAnalysis).hasSize(2);
        assertThat(analysis.answers()).singleElement().satisfies(answer -> assertThat(answer.fallback())
                .as("all or nothing: the answer's analysis, made with the interview's, falls back with it").isTrue());
        assertThat(processEngine.getTaskService().getVariableLocal(driver.reviewTask(id).getId(), "flags").toString())
                .contains("LLM fallback used for the analysis");
    }

    @Test
    void eachAnswerIsJudgedInTheInterviewsCallUnderItsLabelAndOnlyUnderIt() {
        ollama.respondWith(request -> request.isInterviewAnalysis()
                ? Reply.json(Map.of("sentiment", "mixed", "score", 0.1, "mainReason", "compensation_benefits",
                        "themes", List.of(), "summary", List.of(Map.of("statement", "Pay was the reason.",
                                "evidence", "pays roughly 30% more")),
                        "answers", List.of(
                                judged("A2", "positive", "the team was lovely"),
                                judged("A2", "negative", "the team was lovely"),
                                judged("A7", "negative", "the team was lovely"),
                                judged(" A1 ", "negative", "pays roughly 30% more"))))
                : OllamaStub.plausibleReply(request));
        UUID id = driver.start(HR_USER);
        driver.answer(id, ANSWER);
        driver.answer(id, "Honestly, the team was lovely.");
        driver.answer(id, "Nothing more to add.");
        driver.stop(id);

        var request = ollama.requests().stream().filter(OllamaStub.ChatRequest::isInterviewAnalysis).toList();
        assertThat(request).as("one call for the interview and its answers").singleElement()
                .satisfies(r -> assertThat(r.labelledReplies()).containsOnlyKeys("A1", "A2", "A3")
                        .containsEntry("A2", "Honestly, the team was lovely."));
        AnalysisView analysis = analyses.current(id).orElseThrow();
        assertThat(analysis.answers()).hasSize(3);
        assertThat(analysis.answers().get(0)).satisfies(answer -> {
            assertThat(answer.fallback()).isFalse();
            assertThat(answer.sentiment()).isEqualTo(Sentiment.NEGATIVE);
            assertThat(answer.themes()).containsExactly(new ThemeEvidence(Theme.COMPENSATION_BENEFITS, "pays roughly 30% more"));
        });
        assertThat(analysis.answers().get(1)).as("a label given twice: the first counts").satisfies(answer -> {
            assertThat(answer.fallback()).isFalse();
            assertThat(answer.sentiment()).isEqualTo(Sentiment.POSITIVE);
            assertThat(answer.promptVersion()).isEqualTo("analysis/v3");
        });
        assertThat(analysis.answers().get(2)).as("left out by the model: the fallback analyses it")
                .satisfies(answer -> {
                    assertThat(answer.fallback()).isTrue();
                    assertThat(answer.model()).isEqualTo(FallbackAnalyzer.MODEL);
                });
    }

    private static Map<String, Object> judged(String label, String sentiment, String quote) {
        return Map.of("reply", label, "sentiment", sentiment, "score", 0.0,
                "themes", List.of(Map.of("theme", "compensation_benefits", "quote", quote)));
    }

    private UUID interviewAnswering(String answer) {
        UUID id = driver.start(HR_USER);
        driver.answer(id, answer);
        driver.stop(id);
        return id;
    }

    private static Map<String, Object> verdict(List<Map<String, String>> summary) {
        return Map.of("sentiment", "mixed", "score", 0.2, "mainReason", "compensation_benefits",
                "themes", List.of(), "summary", summary);
    }
}
