package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.exitbot.conversation.ExitInterviewProcess.Var;
import org.exitbot.system.ActingUser;
import org.springframework.stereotype.Component;

/**
 * Stores what the employee did when the answer task completes, in the completion's transaction. The chat
 * passes {@code action} and {@code answer} as transient variables, so the answer never lands in the engine's
 * tables; what HR types into Tasklist arrives as form variables and is removed here.
 */
@Component
class RecordAnswerListener implements TaskListener {

    private final ConversationService conversation;

    RecordAnswerListener(ConversationService conversation) {
        this.conversation = conversation;
    }

    @Override
    public void notify(DelegateTask task) {
        var action = EmployeeAction.fromCode((String) task.getVariable(Var.ACTION));
        String answer = (String) task.getVariable(Var.ANSWER);
        String recordedBy = ActingUser.orElse(task, ConversationService.EMPLOYEE);
        conversation.recordEmployeeAction(ExitInterviewProcess.interviewId(task),
                ExitInterviewProcess.intVariable(task, Var.QUESTION_NUMBER), action, answer, recordedBy);
        // A stored answer or action would pre-fill the next Tasklist form; the gateway reads employeeChoice.
        var execution = task.getExecution();
        execution.removeVariable(Var.ANSWER);
        execution.removeVariable(Var.ACTION);
        // mostly the same choice as at the last answer: rewriting it costs the engine three statements (its
        // variable, and the history's, read and updated)
        if (!action.code().equals(execution.getVariable(Var.EMPLOYEE_CHOICE))) {
            execution.setVariable(Var.EMPLOYEE_CHOICE, action.code());
        }
    }
}
