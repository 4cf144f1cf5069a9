package org.exitbot.interview;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.interview.ExitInterviewProcess.Var;
import org.exitbot.system.InvalidInputException;
import org.exitbot.system.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Issues the link and the welcome. A process started from Tasklist's start form has no interview yet: this
 * creates it from the form, through the same checks as the REST API, and then removes the form's personal data
 * from the process variables and, once committed, from the history.
 */
@Component
class PrepareInterviewDelegate implements JavaDelegate {

    private final ConversationService conversation;
    private final InterviewService interviews;
    private final StartFormHistory startFormHistory;

    PrepareInterviewDelegate(ConversationService conversation, InterviewService interviews,
            StartFormHistory startFormHistory) {
        this.conversation = conversation;
        this.interviews = interviews;
        this.startFormHistory = startFormHistory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(Var.INTERVIEW_ID) == null) {
            registerFromStartForm(execution);
        }
        var schedule = conversation.prepare(ExitInterviewProcess.interviewId(execution));
        execution.setVariable(Var.QUESTION_COUNT, schedule.questionCount());
        execution.setVariable(Var.REMINDER_AT, Date.from(schedule.reminderAt()));
        execution.setVariable(Var.EXPIRES_AT, Date.from(schedule.expiresAt()));
        execution.setVariable(Var.QUESTION_NUMBER, 0);
        execution.setVariable(Var.LLM_FALLBACK, false);
    }

    private void registerFromStartForm(DelegateExecution execution) {
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String hrUser = authentication == null ? "tasklist" : authentication.getUserId();
        InterviewView interview;
        try {
            interview = interviews.register(StartForm.read(execution), hrUser, execution.getProcessInstanceId());
        } catch (InvalidInputException | ProblemException e) {
            throw new ProcessEngineException("The interview was not started: " + e.getMessage(), e);
        }
        execution.removeVariables(StartForm.FIELDS);
        startFormHistory.eraseAfterCommit(execution.getProcessInstanceId());
        execution.setProcessBusinessKey(interview.id().toString());
        execution.setVariable(Var.INTERVIEW_ID, interview.id().toString());
    }
}
