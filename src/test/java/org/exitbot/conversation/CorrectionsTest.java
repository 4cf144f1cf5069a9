package org.exitbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.AnalysisCorrections;
import org.exitbot.analysis.AnalysisCorrections.CorrectedItem;
import org.exitbot.analysis.AnalysisCorrections.Level;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.analysis.Sentiment;
import org.exitbot.analysis.Theme;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.InterviewView;
import org.exitbot.llm.OllamaStub;
import org.exitbot.llm.OllamaStub.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** HR corrects the analysis in the review; the analysis stays as it was, the correction beside it. */
class CorrectionsTest extends ExitBotIntegrationTest {

    @Autowired
    ExitInterviews interviews;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AnalysisCorrections corrections;

    @Autowired
    AnalysisService analyses;

    @Test
    void aCorrectionIsStoredBesideTheAnalysisWithWhoAndWhenAndTheAnalysisStaysAsHistory() {
        InterviewView started = reviewWaiting();
        String review = reviewTask(started);
        var before = analyses.current(started.id()).orElseThrow();
        assertThat(processEngine.getTaskService().getVariableLocal(review, CorrectionForm.SENTIMENT))
                .as("the form starts from what the analysis said").isEqualTo("negative");

        var submitted = submit(review, "mixed", "[\"work_life_balance\", \"team_culture\"]",
                "[{\"sentiment\": \"mixed\", \"themes\": [\"team_culture\"]}]");
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        var correction = corrections.latest(started.id()).orElseThrow();
        assertThat(correction.correctedBy()).isEqualTo(HR_USER);
        assertThat(correction.correctedAt()).isNotNull();
        assertThat(correction.sentiment()).isEqualTo(Sentiment.MIXED);
        assertThat(correction.themes()).containsExactlyInAnyOrder(Theme.WORK_LIFE_BALANCE, Theme.TEAM_CULTURE);
        assertThat(correction.mainReason()).isEqualTo(Theme.WORK_LIFE_BALANCE);
        var after = analyses.current(started.id()).orElseThrow();
        assertThat(after.sentiment()).as("the analysis itself is not changed").isEqualTo(Sentiment.NEGATIVE);
        assertThat(after.themes()).isEqualTo(before.themes());
        assertThat(analyses.history(started.id()).get(0).id()).isEqualTo(correction.analysisId());
        assertThat(jdbc.queryForObject("select count(*) from answer_correction c join interview_correction i"
                + " on i.id = c.interview_correction_id where i.interview_id = ?", Integer.class, started.id()))
                .isEqualTo(1);

        List<CorrectedItem> items = corrections.items().stream().filter(i -> i.interviewId().equals(started.id()))
                .filter(i -> !i.recomputed()).toList();
        assertThat(items).extracting(CorrectedItem::level).containsExactlyInAnyOrder(Level.INTERVIEW, Level.ANSWER);
        CorrectedItem interview = items.stream().filter(i -> i.level() == Level.INTERVIEW).findFirst().orElseThrow();
        assertThat(interview.predictedSentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(interview.hrSentiment()).isEqualTo(Sentiment.MIXED);
        assertThat(interview.promptVersion()).isEqualTo(before.promptVersion());
        CorrectedItem answer = items.stream().filter(i -> i.level() == Level.ANSWER).findFirst().orElseThrow();
        assertThat(answer.hrThemes()).containsExactly(Theme.TEAM_CULTURE);
        assertThat(corrections.items().stream().filter(i -> i.interviewId().equals(started.id()))
                .filter(CorrectedItem::recomputed)).as("the fallback is measured on the same words")
                .extracting(CorrectedItem::level).containsExactlyInAnyOrder(Level.INTERVIEW, Level.ANSWER);

        // a re-analysis adds an analysis; the correction keeps naming the one HR corrected
        analysedAs("positive");
        assertThat(http.withBasicAuth(HR_USER, HR_PASSWORD).postForEntity("/api/interviews/" + started.id() + "/analysis",
                null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(analyses.current(started.id()).orElseThrow().sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(corrections.latest(started.id()).orElseThrow().analysisId()).isEqualTo(correction.analysisId());
        assertThat(corrections.items().stream().filter(i -> i.interviewId().equals(started.id()) && !i.recomputed()
                && i.level() == Level.INTERVIEW).findFirst().orElseThrow().predictedSentiment())
                .as("agreement is measured against the analysis HR corrected").isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void anUnknownThemeOrSentimentIsA400AndNothingIsStored() {
        InterviewView started = reviewWaiting();
        String review = reviewTask(started);

        var unknownTheme = submit(review, "negative", "[\"free_coffee\"]", null);
        assertThat(unknownTheme.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownTheme.getBody()).contains("correctThemes has an unknown theme 'free_coffee'");
        var unknownSentiment = submit(review, "furious", "[]", null);
        assertThat(unknownSentiment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownSentiment.getBody()).contains("correctSentiment must be one of negative, neutral, positive, mixed");
        var wrongLength = submit(review, "negative", "[]", "[]");
        assertThat(wrongLength.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongLength.getBody()).contains("answerCorrections must list the 1 analysed answers");

        assertThat(processEngine.getTaskService().createTaskQuery().taskId(review).count()).isEqualTo(1);
        assertThat(corrections.latest(started.id())).isEmpty();
    }

    @Test
    void aReviewThatNeitherChangesNorConfirmsTheAnalysisStoresNoCorrection() {
        InterviewView started = reviewWaiting();
        processEngine.getTaskService().complete(reviewTask(started), ExitInterviewThroughServicesTest.reviewOutcome());
        assertThat(corrections.latest(started.id())).as("no claim that HR agreed").isEmpty();
    }

    /** Submits the review form through engine-rest as Tasklist does, with a correction and HR's decisions. */
    private org.springframework.http.ResponseEntity<String> submit(String task, String sentiment, String themes,
            String answers) {
        var variables = new java.util.HashMap<String, Object>(Map.of(
                "departureType", Map.of("value", "voluntary"),
                "regrettable", Map.of("value", true),
                "rehireEligible", Map.of("value", "yes"),
                CorrectionForm.SENTIMENT, Map.of("value", sentiment),
                CorrectionForm.THEMES, Map.of("value", themes, "type", "Json"),
                CorrectionForm.MAIN_REASON, Map.of("value", "work_life_balance")));
        if (answers != null) {
            variables.put(CorrectionForm.ANSWERS, Map.of("value", answers, "type", "Json"));
        }
        return http.withBasicAuth(HR_USER, HR_PASSWORD).postForEntity("/engine-rest/task/" + task + "/submit-form",
                Map.of("variables", variables), String.class);
    }

    private InterviewView reviewWaiting() {
        analysedAs("negative");
        var started = interviews.start(InterviewFixtures.newInterview(), HR_USER);
        runDueJobs();
        var tasks = processEngine.getTaskService();
        tasks.complete(answerTask(started), Variables.createVariables()
                .putValueTyped("action", Variables.stringValue("answer", true))
                .putValueTyped("answer", Variables.stringValue("The commute took two hours a day.", true)));
        runDueJobs();
        tasks.complete(answerTask(started), Map.of("action", "stop"));
        runDueJobs();
        return started;
    }

    private static void analysedAs(String sentiment) {
        ollama.respondWith(request -> request.isInterviewAnalysis() ? Reply.json(Map.of("sentiment", sentiment,
                "score", -0.3, "summary", List.of(Map.of("statement", "The commute was long.", "evidence",
                        "commute took two hours")), "mainReason", "work_life_balance",
                "themes", List.of(Map.of("theme", "work_life_balance", "quote", "commute took two hours")),
                "answers", request.labelledReplies().keySet().stream().map(label -> Map.of("reply", label,
                        "sentiment", "negative", "score", -0.3, "themes", List.of())).toList()))
                : OllamaStub.plausibleReply(request));
    }

    private String reviewTask(InterviewView interview) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(interview.processInstanceId())
                .taskDefinitionKey(ExitInterviewProcess.REVIEW_TASK).singleResult().getId();
    }

    private String answerTask(InterviewView interview) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(interview.processInstanceId())
                .taskDefinitionKey(ExitInterviewProcess.ANSWER_TASK).singleResult().getId();
    }
}
