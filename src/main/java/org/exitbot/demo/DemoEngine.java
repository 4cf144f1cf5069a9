package org.exitbot.demo;

import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.exitbot.conversation.ExitInterviewProcess;
import org.springframework.stereotype.Component;

/** What the demo does on the engine for one interview's process: its due jobs, its window's timer, HR's review. */
@Component
class DemoEngine {

    private static final String EXPIRY_TIMER = "BoundaryEvent_Expired";

    private final ManagementService management;
    private final TaskService tasks;
    private final RuntimeService runtime;

    DemoEngine(ManagementService management, TaskService tasks, RuntimeService runtime) {
        this.management = management;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /**
     * Runs the process's due jobs that the job executor has not taken, as it would; one that fails keeps its
     * retries, as there. A job the executor takes at the same moment fails here in whatever way the engine finds it
     * gone (not always a {@code ProcessEngineException}): it is the executor's then.
     */
    void runDueJobs(String processInstanceId) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).executable().list()) {
            if (job instanceof JobEntity entity && entity.getLockOwner() != null) {
                continue;
            }
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException failedOrTakenByTheJobExecutor) {
                // retried by the engine as any job
            }
        }
    }

    /** The response window closes now: its timer falls due. */
    void closeWindow(String processInstanceId) {
        management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(EXPIRY_TIMER).list()
                .forEach(timer -> management.setJobDuedate(timer.getId(), new Date()));
    }

    Optional<Task> reviewTask(String businessKey) {
        return Optional.ofNullable(tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(ExitInterviewProcess.REVIEW_TASK).singleResult());
    }

    /** Completes HR's review as Tasklist does, with the form's fields. */
    void review(Task task, String reviewer, Map<String, Object> fields) {
        tasks.setAssignee(task.getId(), reviewer);
        tasks.complete(task.getId(), fields);
    }

    boolean running(String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }
}
