package org.exitbot.conversation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The employee's tasks of an interview's process: the one open now, and its completion. */
@Component
class EmployeeTasks {

    private final TaskService taskService;
    private final ManagementService management;
    private volatile String openTaskSql;

    EmployeeTasks(TaskService taskService, ManagementService management) {
        this.taskService = taskService;
        this.management = management;
    }

    /**
     * The employee's open task, by a native query: every chat request asks, and the task query's generic SQL
     * (hundreds of conditions MyBatis evaluates at each call) cost more CPU than the rest of a state read. The
     * employee is no engine user, so the task query would check no authorization either.
     */
    Task open(UUID interviewId) {
        List<Task> tasks = taskService.createNativeTaskQuery().sql(openTaskSql())
                .parameter("businessKey", interviewId.toString())
                .parameter("processKey", ExitInterviewProcess.KEY)
                .parameter("answerTask", ExitInterviewProcess.ANSWER_TASK)
                .parameter("reviewTask", ExitInterviewProcess.REVIEW_ANSWERS_TASK)
                .parameter("summaryTask", ExitInterviewProcess.CONFIRM_SUMMARY_TASK)
                .list();
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    void complete(Task task, Map<String, Object> variables) {
        taskService.complete(task.getId(), variables);
    }

    private String openTaskSql() {
        String sql = openTaskSql;
        if (sql == null) {
            sql = "select T.* from " + management.getTableName(Task.class) + " T"
                    + " inner join " + management.getTableName(Execution.class) + " E on E.ID_ = T.PROC_INST_ID_"
                    + " inner join " + management.getTableName(ProcessDefinition.class) + " D on D.ID_ = T.PROC_DEF_ID_"
                    + " where E.BUSINESS_KEY_ = #{businessKey} and D.KEY_ = #{processKey}"
                    + " and T.TASK_DEF_KEY_ in (#{answerTask}, #{reviewTask}, #{summaryTask})";
            openTaskSql = sql;
        }
        return sql;
    }
}
