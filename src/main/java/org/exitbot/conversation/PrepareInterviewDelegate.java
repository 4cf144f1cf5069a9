package org.exitbot.conversation;

import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.conversation.ExitInterviewProcess.Var;
import org.exitbot.conversation.InterviewPreparation.Schedule;
import org.exitbot.system.ActingUser;
import org.exitbot.system.DomainException;
import org.springframework.stereotype.Component;

/**
 * Issues the link and the welcome. A process started from Tasklist's start form has no interview yet: it is
 * created from the form, and the form's personal data leaves the process variables.
 */
@Component
class PrepareInterviewDelegate implements JavaDelegate {

    private final InterviewPreparation preparation;
    private final StartFormIntake startForms;

    PrepareInterviewDelegate(InterviewPreparation preparation, StartFormIntake startForms) {
        this.preparation = preparation;
        this.startForms = startForms;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Schedule schedule = execution.getVariable(Var.INTERVIEW_ID) == null
                ? fromStartForm(execution)
                : preparation.prepare(ExitInterviewProcess.interviewId(execution));
        execution.setVariable(Var.QUESTION_COUNT, schedule.questionCount());
        execution.setVariable(Var.REMINDER_AT, Date.from(schedule.reminderAt()));
        execution.setVariable(Var.EXPIRES_AT, Date.from(schedule.expiresAt()));
        execution.setVariable(Var.QUESTION_NUMBER, 0);
        execution.setVariable(Var.LLM_FALLBACK, false);
    }

    private Schedule fromStartForm(DelegateExecution execution) {
        StartFormIntake.Prepared prepared;
        try {
            prepared = startForms.registerAndPrepare(StartForm.read(execution), ActingUser.orElse(execution, "tasklist"),
                    execution.getProcessInstanceId());
        } catch (DomainException refused) {
            throw new ProcessEngineException("The interview was not started: " + refused.getMessage(), refused);
        }
        UUID interviewId = prepared.interviewId();
        execution.removeVariables(StartForm.FIELDS);
        execution.setProcessBusinessKey(interviewId.toString());
        execution.setVariable(Var.INTERVIEW_ID, interviewId.toString());
        return prepared.schedule();
    }
}
