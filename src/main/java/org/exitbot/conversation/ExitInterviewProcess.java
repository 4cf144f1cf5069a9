package org.exitbot.conversation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.system.FormMarkdown;

/** The names {@code processes/exit-interview.bpmn} and the code share. */
public final class ExitInterviewProcess {

    public static final String KEY = "exit-interview";

    public static final String ANSWER_TASK = "AnswerQuestion";
    public static final String REVIEW_ANSWERS_TASK = "ReviewAnswers";
    public static final String REVIEW_TASK = "ReviewInterview";
    /** The employee reads the summary HR will read, corrects or removes statements, and confirms it. */
    public static final String CONFIRM_SUMMARY_TASK = "ConfirmSummary";
    public static final String LLM_UNAVAILABLE_ERROR = "LLM_UNAVAILABLE";

    public static final class Var {
        public static final String INTERVIEW_ID = "interviewId";
        public static final String QUESTION_COUNT = "questionCount";
        public static final String QUESTION_NUMBER = "questionNumber";
        public static final String FOLLOW_UP_COUNT = "followUpCount";
        public static final String FOLLOW_UP_ASKED = "followUpAsked";
        public static final String CURRENT_PROMPT = "currentPrompt";
        public static final String ACTION = "action";
        public static final String EMPLOYEE_CHOICE = "employeeChoice";
        public static final String ANSWER = "answer";
        public static final String REMINDER_AT = "reminderAt";
        public static final String EXPIRES_AT = "expiresAt";
        public static final String LLM_FALLBACK = "llmFallback";
        public static final String REVIEWED_BY = "reviewedBy";
        public static final String ANSWERS_CONFIRMED = "answersConfirmed";
        /** Set once the summary the employee checks is made: the interview is analysed then, not after it ends. */
        public static final String SUMMARISED = "summarised";

        private Var() {
        }
    }

    /**
     * The variables only the app sets, which the process and its delegates read to decide what happens next: no
     * one may set or remove them through Camunda's REST APIs (a task's completion included).
     */
    public static final Set<String> APP_VARIABLES = Set.of(Var.INTERVIEW_ID, Var.QUESTION_COUNT, Var.QUESTION_NUMBER,
            Var.FOLLOW_UP_COUNT, Var.FOLLOW_UP_ASKED, Var.CURRENT_PROMPT, Var.EMPLOYEE_CHOICE, Var.REMINDER_AT,
            Var.EXPIRES_AT, Var.LLM_FALLBACK, Var.REVIEWED_BY);

    public static UUID interviewId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(Var.INTERVIEW_ID));
    }

    public static int intVariable(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? 0 : ((Number) value).intValue();
    }

    /**
     * What the process learns of a follow-up step: whether it asked, and then the question and the new count.
     * Whether it asked is transient, as only the gateway right after reads it: storing it would cost a variable
     * and its history rewritten at every answer. An instance that stored it (started before it was transient)
     * keeps it stored, since the engine refuses a transient variable over a stored one.
     *
     * @param shownOnTask the follow-up as the answer task shows it, null when none was asked
     * @param askedStored whether the instance holds a stored {@code followUpAsked}
     */
    static Map<String, Object> followUpVariables(String shownOnTask, int followUpCount, boolean askedStored) {
        var variables = new HashMap<String, Object>();
        variables.put(Var.FOLLOW_UP_ASKED, Variables.booleanValue(shownOnTask != null, !askedStored));
        if (shownOnTask != null) {
            variables.put(Var.FOLLOW_UP_COUNT, followUpCount + 1);
            variables.put(Var.CURRENT_PROMPT, FormMarkdown.escape(shownOnTask));
        }
        return variables;
    }

    private ExitInterviewProcess() {
    }
}
