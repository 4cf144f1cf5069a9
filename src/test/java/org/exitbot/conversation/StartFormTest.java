package org.exitbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.Visibility;
import org.exitbot.security.HrAuthorizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** HR starts an interview from Tasklist's start form: the same record, checks and invitation as over REST. */
class StartFormTest extends ExitBotIntegrationTest {

    @Autowired
    InterviewRepository interviews;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theStartFormCreatesTheInterviewAndKeepsItsPersonalDataOutOfTheProcess() {
        var form = form();
        var instance = submitAs(HR_USER, form);

        Interview interview = interviews.findById(UUID.fromString(instance.getBusinessKey())).orElseThrow();
        assertThat(interview.getEmployeeId()).isEqualTo(form.get("employeeId"));
        assertThat(interview.getName()).isEqualTo("Taylor Formfield");
        assertThat(interview.getEmail()).isEqualTo(form.get("email"));
        assertThat(interview.getLastWorkingDay()).hasToString("2026-12-18");
        assertThat(interview.getLocale()).isEqualTo("de");
        assertThat(interview.getVisibility()).isEqualTo(Visibility.ANONYMOUS);
        assertThat(interview.getCreatedBy()).isEqualTo(HR_USER);
        assertThat(interview.getProcessInstanceId()).isEqualTo(instance.getId());

        var variables = processEngine.getRuntimeService().getVariables(instance.getId());
        assertThat(variables).doesNotContainKeys(StartForm.FIELDS.toArray(String[]::new))
                .containsEntry("interviewId", interview.getId().toString())
                .containsEntry("questionCount", 4);
        runDueJobs();
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableNameIn("name", "email", "employeeId").includeDeleted().count())
                .as("nor in the history").isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ? and TEXT_ = ?",
                Integer.class, instance.getId(), form.get("email"))).isZero();
        assertThat(smtp.getReceivedMessagesForDomain((String) form.get("email"))).hasSize(1);
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ExitInterviewProcess.ANSWER_TASK).count()).isEqualTo(1);
    }

    @Test
    void anInvalidFormStartsNothingAndSaysWhy() {
        var form = form();
        form.put("email", "not-an-email");
        form.remove("department");
        long before = interviews.count();
        var error = assertThrows(ProcessEngineException.class, () -> submitAs(HR_USER, form));
        assertThat(error).hasMessageContaining("The interview was not started")
                .hasMessageContaining("email must be a well-formed email address")
                .hasMessageContaining("department must not be blank");
        assertThat(interviews.count()).isEqualTo(before);
    }

    @Test
    void aSecondOpenInterviewForTheSameEmployeeIsRefused() {
        var form = form();
        submitAs(HR_USER, form);
        var error = assertThrows(ProcessEngineException.class, () -> submitAs(HR_USER, form));
        assertThat(error).hasMessageContaining("already has an open exit interview");
    }

    private org.camunda.bpm.engine.runtime.ProcessInstance submitAs(String user, Map<String, Object> form) {
        var definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ExitInterviewProcess.KEY).latestVersion().singleResult();
        // as Tasklist submits it: the user with its groups, under Camunda's authorization checks
        processEngine.getIdentityService().setAuthentication(user, List.of(HrAuthorizations.GROUP));
        try {
            return processEngine.getFormService().submitStartForm(definition.getId(), form);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private static Map<String, Object> form() {
        var form = new HashMap<String, Object>();
        form.put("employeeId", "F-" + UUID.randomUUID().toString().substring(0, 8));
        form.put("name", "Taylor Formfield");
        form.put("email", "taylor." + form.get("employeeId").toString().toLowerCase() + "@private.test");
        form.put("department", "Finance");
        form.put("lastWorkingDay", "2026-12-18");
        form.put("locale", "de");
        form.put("questionSet", "default");
        form.put("visibility", "anonymous");
        return form;
    }
}
