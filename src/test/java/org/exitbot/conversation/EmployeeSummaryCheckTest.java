package org.exitbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.analysis.EmployeeSummaries;
import org.exitbot.analysis.Theme;
import org.exitbot.interview.NewInterview;
import org.exitbot.llm.OllamaStub;
import org.exitbot.llm.OllamaStub.Reply;
import org.exitbot.report.ReportFilter;
import org.exitbot.report.ReportService;
import org.exitbot.system.ConflictException;
import org.exitbot.system.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The employee's check of the summary through the real services: what they correct or remove is what HR reads,
 * the original stays beside it, and an anonymous employee's check decides what the anonymous comments show.
 */
class EmployeeSummaryCheckTest extends ExitBotIntegrationTest {

    static final String LEFT_OVER_PAY = "The employee left over the pay.";
    static final String BLAMES_LENA = "The employee blames Lena Fischer for the workload.";
    static final String SKIPPED = "The employee skipped 2 questions.";

    @Autowired
    ExitInterviews interviews;

    @Autowired
    Conversation conversation;

    @Autowired
    EmployeeSummaries summaries;

    @Autowired
    AnalysisService analyses;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportService reports;

    @Autowired
    ObjectMapper json;

    @Test
    void whatTheEmployeeCorrectsAndRemovesIsWhatHrReadsWithTheOriginalBesideIt() throws Exception {
        answerWithSummary();
        UUID id = interviewUntilSummary("attributed", "Engineering");
        var summary = summaries.of(id).orElseThrow();
        assertThat(summary.kind()).isEqualTo(EmployeeSummaries.Kind.SUMMARY);
        assertThat(summary.statements()).extracting(EmployeeSummaries.Statement::text)
                .containsExactly(LEFT_OVER_PAY, BLAMES_LENA, SKIPPED);

        conversation.correctStatement(id, 0, "I left because the pay was 20 % under the market.", 0);
        conversation.removeStatement(id, 1, 1);
        conversation.confirmSummary(id, 2);
        ProcessInstance instance = untilReview(id);

        String review = task(instance).getId();
        assertThat((String) taskService().getVariableLocal(review, "summary"))
                .isEqualTo("I left because the pay was 20 \\% under the market\\. The employee skipped 2 questions\\.");
        assertThat((String) taskService().getVariableLocal(review, "employeeCheck"))
                .startsWith("Confirmed by the employee on ").endsWith("with 2 corrections \\(below\\)");
        JsonNode corrections = json.readTree(((org.camunda.spin.plugin.variable.value.JsonValue) taskService()
                .getVariableLocalTyped(review, "employeeCorrections")).getValueSerialized());
        assertThat(corrections).hasSize(2);
        assertThat(corrections.get(0).get("original").asText()).isEqualTo(LEFT_OVER_PAY);
        assertThat(corrections.get(0).get("change").asText()).isEqualTo("corrected");
        assertThat(corrections.get(0).get("corrected").asText()).isEqualTo("I left because the pay was 20 % under the market.");
        assertThat(corrections.get(1).get("original").asText()).isEqualTo(BLAMES_LENA);
        assertThat(corrections.get(1).get("change").asText()).isEqualTo("removed");

        assertThat(analyses.current(id).orElseThrow().summary()).as("the API's summary is the employee's")
                .isEqualTo("I left because the pay was 20 % under the market. " + SKIPPED);
        assertThat(analyses.history(id).get(0).summary()).as("the analysis as made stays as history")
                .contains(LEFT_OVER_PAY, BLAMES_LENA);
        assertThat(analyses.history(id)).as("analysed once, before the employee finished").hasSize(1);
    }

    @Test
    void aThemeTheEmployeeRemovesIsLeftOutOfWhatHrReadsAndOfTheReportsButStaysInTheAnalysis() throws Exception {
        answerWithSummary();
        String department = "Themes-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = interviewUntilSummary("attributed", department);
        assertThat(conversation.summary(id).orElseThrow().themes())
                .containsExactly("compensation_benefits", "workload_stress");

        conversation.removeTheme(id, Theme.COMPENSATION_BENEFITS.code(), true, 0);
        var check = conversation.summary(id).orElseThrow();
        assertThat(check.version()).isEqualTo(1);
        assertThat(check.themes()).containsExactly("workload_stress");
        assertThat(check.removedThemes()).containsExactly("compensation_benefits");
        assertThatThrownBy(() -> conversation.removeTheme(id, Theme.WORKLOAD_STRESS.code(), true, 0))
                .as("a stale tab").isInstanceOf(ConflictException.class).hasMessageContaining("changed");
        assertThatThrownBy(() -> conversation.removeTheme(id, Theme.CAREER_GROWTH.code(), true, 1))
                .as("a theme the summary does not show").isInstanceOf(NotFoundException.class);
        conversation.removeTheme(id, Theme.WORKLOAD_STRESS.code(), true, 1);
        conversation.removeTheme(id, Theme.WORKLOAD_STRESS.code(), false, 2);
        assertThat(conversation.summary(id).orElseThrow().removedThemes()).as("put back")
                .containsExactly("compensation_benefits");
        conversation.confirmSummary(id, 3);
        assertThatThrownBy(() -> conversation.removeTheme(id, Theme.WORKLOAD_STRESS.code(), true, 3))
                .as("once confirmed").isInstanceOf(ConflictException.class);
        ProcessInstance instance = untilReview(id);

        String review = task(instance).getId();
        JsonNode themes = json.readTree(((org.camunda.spin.plugin.variable.value.JsonValue) taskService()
                .getVariableLocalTyped(review, "themes")).getValueSerialized());
        assertThat(themes).extracting(theme -> theme.get("theme").asText()).containsExactly("workload stress");
        assertThat(taskService().getVariableLocal(review, "mainReason")).as("the employee removed it").isEqualTo("");
        assertThat((String) taskService().getVariableLocal(review, "employeeCheck"))
                .endsWith("with 1 correction \\(below\\)");
        JsonNode corrections = json.readTree(((org.camunda.spin.plugin.variable.value.JsonValue) taskService()
                .getVariableLocalTyped(review, "employeeCorrections")).getValueSerialized());
        assertThat(corrections).hasSize(1);
        assertThat(corrections.get(0).get("original").asText()).isEqualTo("Theme: compensation benefits");
        assertThat(corrections.get(0).get("change").asText()).isEqualTo("removed");

        var current = analyses.current(id).orElseThrow();
        assertThat(current.themes()).extracting(t -> t.theme()).containsExactly(Theme.WORKLOAD_STRESS);
        assertThat(current.mainReason()).isNull();
        assertThat(analyses.history(id).get(0).themes()).as("the analysis as made stays as history")
                .extracting(t -> t.theme()).containsExactly(Theme.COMPENSATION_BENEFITS, Theme.WORKLOAD_STRESS);
        assertThat(analyses.history(id).get(0).mainReason()).isEqualTo(Theme.COMPENSATION_BENEFITS);
        var fact = reports.listing(new ReportFilter(null, null, department)).rows().get(0);
        assertThat(fact.themes()).as("the reports count what the employee left").containsExactly(Theme.WORKLOAD_STRESS);
        assertThat(fact.mainReason()).isNull();
    }

    @Test
    void inAPhoneInterviewHrChecksTheSummaryWithTheEmployeeInTasklistAndAStaleFormIsRefused() throws Exception {
        answerWithSummary();
        UUID id = interviewUntilSummary("attributed", "Engineering");
        ProcessInstance instance = instance(id);
        assertThat(instance).task().hasCandidateGroup("hr");
        String task = task(instance).getId();
        Map<String, Object> shown = taskService().getVariablesLocal(task);
        assertThat(shown).containsEntry("statement1", LEFT_OVER_PAY).containsEntry("statement2", BLAMES_LENA)
                .containsEntry("statement3", SKIPPED).containsEntry("statement4", null)
                .containsEntry("statement2Removed", false).containsEntry("summaryVersion", 0)
                .containsEntry("statementCount", 3).doesNotContainKey("summaryConfirmed");
        assertThat(shown.get("summaryThemeOptions").toString()).contains("\"value\":\"compensation_benefits\"",
                "\"label\":\"workload stress\"");

        conversation.removeStatement(id, 2, 0);
        assertThat(taskService().getVariablesLocal(task)).as("the form shows the employee's change")
                .containsEntry("statement3Removed", true).containsEntry("summaryVersion", 1);
        Map<String, Object> staleForm = Map.of("summaryVersion", 0, "summaryConfirmed", true,
                "statement3Removed", false);
        assertThatThrownBy(() -> completeAs(task, staleForm)).hasMessageContaining("Open the task again");
        assertThatThrownBy(() -> completeAs(task, Map.of("summaryVersion", 1, "summaryConfirmed", false)))
                .hasMessageContaining("Tick");
        assertThatThrownBy(() -> completeAs(task, Map.of("summaryVersion", 1, "summaryConfirmed", true,
                "statement1", " "))).hasMessageContaining("Statement 1 must not be empty");
        assertThatThrownBy(() -> completeAs(task, Map.of("summaryVersion", 1, "summaryConfirmed", true,
                "removedThemes", List.of("no_such_theme")))).hasMessageContaining("removedThemes has an unknown theme");
        assertThat(summaries.of(id).orElseThrow().version()).as("nothing half-stored").isEqualTo(1);

        completeAs(task, Map.of("summaryVersion", 1L, "summaryConfirmed", true,
                "statement1", "The pay was 20 % under the market.", "statement2Removed", true,
                "removedThemes", org.camunda.spin.Spin.JSON("[\"workload_stress\"]")));
        assertThat(processEngine.getRuntimeService().getVariables(instance.getId()))
                .as("the tick is no process variable").doesNotContainKey("summaryConfirmed");
        var check = summaries.of(id).orElseThrow();
        assertThat(check.confirmedBy()).isEqualTo(HR_USER);
        assertThat(check.kept()).extracting(EmployeeSummaries.Statement::text)
                .containsExactly("The pay was 20 % under the market.");
        assertThat(check.removedThemes()).containsExactly(Theme.WORKLOAD_STRESS);
        assertThat(check.statements()).extracting(EmployeeSummaries.Statement::changedBy)
                .containsExactly(HR_USER, HR_USER, "employee");
        ProcessInstance reviewing = untilReview(id);
        assertThat(reviewing).hasPassed("Task_CompleteInterview");
        assertThat((String) taskService().getVariableLocal(task(reviewing).getId(), "employeeCheck"))
                .startsWith("Confirmed by the employee by phone \\(recorded by " + HR_USER + "\\) on ")
                .endsWith("with 4 corrections \\(below\\)");
    }

    @Test
    void anAnonymousEmployeesCheckIsNeitherShownNorCompletableInTasklist() {
        answerWithSummary();
        UUID id = interviewUntilSummary("anonymous", "Check-" + UUID.randomUUID().toString().substring(0, 8));
        String task = task(instance(id)).getId();
        Map<String, Object> shown = taskService().getVariablesLocal(task);
        assertThat(shown).containsEntry("statement1", null).containsEntry("summaryThemeOptions", null)
                .containsEntry("statementCount", 0);
        assertThat(shown.get("summaryNote").toString()).startsWith("Anonymous interview");
        assertThat(shown.values()).allSatisfy(value -> assertThat(String.valueOf(value))
                .doesNotContain("pay", "work"));
        assertThatThrownBy(() -> completeAs(task, Map.of("summaryVersion", 0, "summaryConfirmed", true)))
                .hasMessageContaining("only the employee");
        assertThat(instance(id)).isWaitingAt(ExitInterviewProcess.CONFIRM_SUMMARY_TASK);
        conversation.confirmSummary(id, 0);
        assertThat(summaries.of(id).orElseThrow().confirmedBy()).isEqualTo("employee");
    }

    /** As Tasklist submits a form: over the task's own variables, which the form shows. */
    private void completeAs(String task, Map<String, Object> form) {
        processEngine.getIdentityService().setAuthentication(HR_USER, List.of("hr"));
        try {
            processEngine.getFormService().submitTaskForm(task, form);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void anEmployeeWhoNeverConfirmsLeavesTheReviewMarkedNotConfirmedWithTheirCorrectionsApplied() {
        answerWithSummary();
        UUID id = interviewUntilSummary("attributed", "Engineering");
        conversation.removeStatement(id, 1, 0);
        ProcessInstance instance = instance(id);
        execute(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job("BoundaryEvent_Expired", instance));
        untilReview(id);
        String review = task(instance).getId();
        assertThat((String) taskService().getVariableLocal(review, "employeeCheck"))
                .startsWith("Not confirmed by the employee\\: the interview ended before they confirmed the summary")
                .contains("their corrections \\(below\\) are applied all the same");
        assertThat((String) taskService().getVariableLocal(review, "summary")).doesNotContain("Lena");
    }

    @Test
    void withoutTheLlmTheEmployeeChecksTheFallbacksSummaryAndIsToldItIsAutomatic() {
        ollama.respondWith(request -> request.isFollowUpDecision() ? OllamaStub.plausibleReply(request)
                : Reply.error(500, "model runner has unexpectedly stopped"));
        UUID id = interviewUntilSummary("attributed", "Engineering");
        assertThat(instance(id)).hasPassed("Task_SummariseWithoutLlm");
        var check = conversation.summary(id).orElseThrow();
        assertThat(check.automatic()).isTrue();
        assertThat(check.statements()).extracting(SummaryToCheck.Statement::text)
                .contains("The employee answered 2 of 4 questions asked (2 replies).")
                .noneMatch(text -> text.startsWith("Automatic summary"));
        assertThat(check.themes()).contains("compensation_benefits", "workload_stress");
        conversation.removeStatement(id, 0, 0);
        conversation.confirmSummary(id, 1);
        ProcessInstance instance = untilReview(id);
        assertThat((String) taskService().getVariableLocal(task(instance).getId(), "summary"))
                .startsWith("Automatic summary without the LLM\\.").doesNotContain("answered 2 of 4");
    }

    @Test
    void anAnonymousEmployeeChecksTheirAnswersAsTheAnonymousCommentsWillShowThem() {
        answerWithSummary();
        String department = "Check-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = interviewUntilSummary("anonymous", department);
        var check = conversation.summary(id).orElseThrow();
        assertThat(check.kind()).isEqualTo("comments");
        assertThat(check.statements()).extracting(SummaryToCheck.Statement::text)
                .containsExactly("The pay was far too low.", "[name] gave me far too much work.");
        conversation.correctStatement(id, 0, "The pay was low, ask Lena Fischer.", 0);
        conversation.removeStatement(id, 1, 1);
        ProcessInstance instance = instance(id);
        conversation.confirmSummary(id, 2);
        runDueJobs();
        assertThat(instance).hasPassed("Task_CloseAnonymousInterview").isEnded();
        assertThat(jdbc.queryForList("select text from anonymous_comment where department = ?", String.class, department))
                .as("the correction, redacted again; the removed answer not at all")
                .containsExactly("The pay was low, ask [name].");
        assertThat(jdbc.queryForList("select original || text from employee_summary_statement where interview_id = ?",
                String.class, id)).as("the check's words leave the interview too").containsOnly("");
    }

    private void answerWithSummary() {
        ollama.respondWith(request -> request.isInterviewAnalysis()
                ? Reply.json(Map.of("sentiment", "negative", "score", -0.6, "mainReason", "compensation_benefits",
                        "summary", List.of(Map.of("statement", LEFT_OVER_PAY, "evidence", "The pay was far too low"),
                                Map.of("statement", BLAMES_LENA, "evidence", "gave me far too much work")),
                        "themes", List.of(Map.of("theme", "compensation_benefits", "quote", "The pay was far too low"),
                                Map.of("theme", "workload_stress", "quote", "gave me far too much work"))))
                : OllamaStub.plausibleReply(request));
    }

    /** Two questions answered, the answers reviewed: the interview waits at the summary check. */
    private UUID interviewUntilSummary(String visibility, String department) {
        String employeeId = "E-" + UUID.randomUUID().toString().substring(0, 8);
        var request = new NewInterview(employeeId, "Robin Example", "robin." + employeeId.toLowerCase() + "@private.test",
                department, "Backend engineer", "Lena Fischer", LocalDate.now().plusDays(10), "en", null, visibility);
        UUID id = interviews.start(request, HR_USER).id();
        runDueJobs();
        conversation.consent(id, null);
        conversation.submitAnswer(id, asked(id), "The pay was far too low.");
        runDueJobs();
        conversation.submitAnswer(id, asked(id), "Lena Fischer gave me far too much work.");
        runDueJobs();
        while (conversation.now(id).awaiting().filter(a -> !a.isAfterLastQuestion()).isPresent()) {
            conversation.skip(id, asked(id));
            runDueJobs();
        }
        conversation.finish(id);
        runDueJobs();
        assertThat(instance(id)).isWaitingAt(ExitInterviewProcess.CONFIRM_SUMMARY_TASK);
        return id;
    }

    private ProcessInstance untilReview(UUID id) {
        runDueJobs();
        ProcessInstance instance = instance(id);
        assertThat(instance).isWaitingAt(ExitInterviewProcess.REVIEW_TASK);
        return instance;
    }

    private ProcessInstance instance(UUID id) {
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(id.toString()).singleResult();
    }

    private static void execute(org.camunda.bpm.engine.runtime.Job job) {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute(job);
    }

    private long asked(UUID id) {
        return conversation.now(id).awaiting().orElseThrow().promptId();
    }
}
