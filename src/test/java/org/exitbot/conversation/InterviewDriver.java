package org.exitbot.conversation;

import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.interview.InterviewFixtures;

/**
 * Plays an interview through the process for tests in other packages: HR starts it, the employee answers or
 * stops through the answer task, and every due job runs after each step, as the job executor would run them.
 */
public final class InterviewDriver {

    private final ExitInterviews interviews;
    private final TaskService tasks;
    private final Runnable runDueJobs;

    public InterviewDriver(ExitInterviews interviews, TaskService tasks, Runnable runDueJobs) {
        this.interviews = interviews;
        this.tasks = tasks;
        this.runDueJobs = runDueJobs;
    }

    /** Starts an interview and runs it up to the first question. */
    public UUID start(String hrUser) {
        UUID id = interviews.start(InterviewFixtures.newInterview(), hrUser).id();
        runDueJobs.run();
        return id;
    }

    public void answer(UUID interview, String text) {
        tasks.complete(answerTask(interview).getId(), Variables.createVariables()
                .putValueTyped(ExitInterviewProcess.Var.ACTION, Variables.stringValue(EmployeeAction.ANSWER.code(), true))
                .putValueTyped(ExitInterviewProcess.Var.ANSWER, Variables.stringValue(text, true)));
        runDueJobs.run();
    }

    /**
     * Answers every question, and each follow-up, with {@code text}, confirms the answers, and, once it is analysed,
     * finishes at the summary check without changing or confirming anything (as a closed tab would leave it, were the
     * task not completed): the interview then waits for HR's review.
     */
    public void complete(UUID interview, String text) {
        for (int answers = 0; answerTask(interview) != null; answers++) {
            if (answers > 50) {
                throw new IllegalStateException("Interview " + interview + " keeps asking");
            }
            answer(interview, text);
        }
        Task confirm = tasks.createTaskQuery().processInstanceBusinessKey(interview.toString())
                .taskDefinitionKey(ExitInterviewProcess.REVIEW_ANSWERS_TASK).singleResult();
        tasks.complete(confirm.getId(), Variables.createVariables().putValue("answersConfirmed", true));
        runDueJobs.run();
        Task summary = tasks.createTaskQuery().processInstanceBusinessKey(interview.toString())
                .taskDefinitionKey(ExitInterviewProcess.CONFIRM_SUMMARY_TASK).singleResult();
        tasks.complete(summary.getId());
        runDueJobs.run();
    }

    /** Stops the interview; it is then analysed and waits for HR's review. */
    public void stop(UUID interview) {
        tasks.complete(answerTask(interview).getId(), Variables.createVariables()
                .putValue(ExitInterviewProcess.Var.ACTION, EmployeeAction.STOP.code()));
        runDueJobs.run();
    }

    public Task reviewTask(UUID interview) {
        return tasks.createTaskQuery().processInstanceBusinessKey(interview.toString())
                .taskDefinitionKey(ExitInterviewProcess.REVIEW_TASK).singleResult();
    }

    private Task answerTask(UUID interview) {
        return tasks.createTaskQuery().processInstanceBusinessKey(interview.toString())
                .taskDefinitionKey(ExitInterviewProcess.ANSWER_TASK).singleResult();
    }
}
