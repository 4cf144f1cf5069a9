package org.exitbot.action;

import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The names {@code processes/theme-action.bpmn} and the code share. */
public final class ThemeActionProcess {

    public static final String KEY = "theme-action";
    public static final String NAME = "Theme action";

    /** The message that starts an action when the scheduled check finds a theme over the threshold. */
    static final String THRESHOLD_MESSAGE = "ThemeOverThreshold";
    /** The message that starts an action HR asked for on the dashboard. */
    static final String HR_MESSAGE = "ThemeActionRequested";

    public static final String DAILY_CHECK = "StartEvent_DailyCheck";
    public static final String CHECK_TASK = "Task_CheckThemeThresholds";
    public static final String PLAN_TASK = "PlanAction";
    public static final String CARRY_OUT_TASK = "CarryOutAction";
    public static final String OVERDUE_TASK = "FollowUpOverdueAction";
    public static final String REVIEW_TASK = "ReviewEffect";

    /** Process variables. */
    static final class Var {
        static final String ACTION_ID = "actionId";
        static final String THEME = "theme";
        static final String DEPARTMENT = "department";
        /** what the scheduled check found: {@link ThemeGroup#element()}s, transient */
        static final String CROSSINGS = "crossings";
        static final String CROSSING = "crossing";
        static final String OWNER = "owner";
        static final String ACTION = "action";
        static final String DUE_DATE = "dueDate";
        static final String SUCCESS_MEASURE = "successMeasure";
        static final String PLANNED_BY = "plannedBy";
        static final String DUE_AT = "dueAt";
        static final String REMIND_AT = "remindAt";
        static final String MEASURE_AT = "measureAt";
        static final String OVERDUE_OUTCOME = "overdueOutcome";
        static final String NEW_DUE_DATE = "newDueDate";
        /** task-local variables of "Plan an action" */
        static final String OWNER_OPTIONS = "ownerOptions";
        static final String QUOTES = "quotes";

        private Var() {
        }
    }

    /** What the app sets and the process reads: see {@code ExitInterviewProcess.APP_VARIABLES}. */
    static final Set<String> APP_VARIABLES = Set.of(Var.ACTION_ID, Var.THEME, Var.DEPARTMENT, Var.CROSSINGS,
            Var.CROSSING, Var.PLANNED_BY, Var.DUE_AT, Var.REMIND_AT, Var.MEASURE_AT, Var.OWNER_OPTIONS, Var.QUOTES);

    private ThemeActionProcess() {
    }

    static UUID actionId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(Var.ACTION_ID));
    }
}
