package org.exitbot.notify;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.exitbot.conversation.ExitInterviewProcess;
import org.springframework.stereotype.Component;

/** How many exit interviews wait for HR's review, and how many of them are past their due date. */
@Component
class ReviewQueue {

    private final TaskService taskService;
    private final Clock clock;

    ReviewQueue(TaskService taskService, Clock clock) {
        this.taskService = taskService;
        this.clock = clock;
    }

    long waiting() {
        return reviews().count();
    }

    long overdue() {
        return reviews().dueBefore(Date.from(clock.instant())).count();
    }

    private TaskQuery reviews() {
        return taskService.createTaskQuery()
                .processDefinitionKey(ExitInterviewProcess.KEY)
                .taskDefinitionKey(ExitInterviewProcess.REVIEW_TASK);
    }
}
