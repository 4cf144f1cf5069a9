package org.exitbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.InterviewView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The answer row and the task completion share one transaction: both commit or neither does. */
class AnswerTransactionTest extends ExitBotIntegrationTest {

    @Autowired
    ExitInterviews interviews;

    @Autowired
    TaskService taskService;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRolledBackCompletionLeavesNeitherTheAnswerNorTheCompletedTask() {
        var interview = interviews.start(InterviewFixtures.newInterview(), HR_USER);
        runDueJobs();
        String taskId = answerTask(interview).getId();

        transactions.executeWithoutResult(status -> {
            taskService.complete(taskId, Variables.createVariables()
                    .putValueTyped("action", Variables.stringValue("answer", true))
                    .putValueTyped("answer", Variables.stringValue("Rolled back answer", true)));
            assertThat(answers(interview)).as("stored inside the transaction").isEqualTo(1);
            status.setRollbackOnly();
        });

        assertThat(answers(interview)).isZero();
        assertThat(answerTask(interview)).as("the task is open again").isNotNull();
        assertThat(answerTask(interview).getId()).isEqualTo(taskId);
    }

    private org.camunda.bpm.engine.task.Task answerTask(InterviewView interview) {
        return taskService.createTaskQuery().processInstanceId(interview.processInstanceId())
                .taskDefinitionKey(ExitInterviewProcess.ANSWER_TASK).singleResult();
    }

    private long answers(InterviewView interview) {
        return jdbc.queryForObject("select count(*) from interview_message where interview_id = ? and kind = 'ANSWER'",
                Long.class, interview.id());
    }
}
