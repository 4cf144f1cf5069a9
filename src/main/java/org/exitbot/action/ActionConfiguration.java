package org.exitbot.action;

import java.util.List;
import org.exitbot.action.ThemeActionProcess.Var;
import org.exitbot.report.TrackedProcess;
import org.exitbot.report.TrackedProcess.Stage;
import org.exitbot.security.HrTasklistProcess;
import org.exitbot.security.HrTasklistProcess.Column;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the theme actions add to the modules below them, which do not know them: Tasklist and the Process page. */
@Configuration(proxyBeanMethods = false)
class ActionConfiguration {

    static final String TASKLIST_FILTER = "Actions";

    /** Group hr works the actions' tasks in Tasklist, under a filter of their own; it starts actions on the dashboard. */
    @Bean
    HrTasklistProcess themeActionTasks() {
        return new HrTasklistProcess(ThemeActionProcess.KEY, new HrTasklistProcess.Filter(TASKLIST_FILTER,
                "Theme actions to plan, carry out, follow up or review, the soonest due first", 0, "#2f7d4a",
                List.of(new Column("themeLabel", "Theme"), new Column("group", "Group"))),
                ThemeActionProcess.APP_VARIABLES);
    }

    /** The Process page's figures for theme actions: how many reached each stage, and each step's duration. */
    @Bean
    TrackedProcess themeActionProcess() {
        return new TrackedProcess(ThemeActionProcess.KEY, "Theme actions", List.of(
                new Stage("Daily checks", ThemeActionProcess.CHECK_TASK),
                new Stage("Started by an alert", "StartEvent_ThemeOverThreshold"),
                new Stage("Started by HR", "StartEvent_StartedByHr"),
                new Stage("Planned", "Task_RecordPlan"),
                new Stage("Overdue", "Task_MarkActionOverdue"),
                new Stage("Carried out", "Task_RecordActionDone"),
                new Stage("Effect measured", "Task_MeasureEffect"),
                new Stage("Effect reviewed", "EndEvent_EffectReviewed")), Var.DEPARTMENT);
    }
}
