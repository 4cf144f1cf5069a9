package org.exitbot.action;

import java.util.List;
import org.exitbot.action.ThemeActionProcess.Var;
import org.exitbot.report.TrackedProcess;
import org.exitbot.report.TrackedProcess.Stage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ActionConfiguration {

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
