package org.exitbot.action;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.exitbot.system.FieldError;

/** A task listener's refusal to complete a task: Tasklist shows the message and keeps the task open. */
final class TasklistRefusal {

    private TasklistRefusal() {
    }

    static void refuseIf(String title, List<FieldError> problems) {
        if (!problems.isEmpty()) {
            throw new ProcessEngineException(title + ": " + problems.stream()
                    .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        }
    }
}
