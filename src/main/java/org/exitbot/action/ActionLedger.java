package org.exitbot.action;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.exitbot.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The actions as the dashboard and the API list them, open ones first, each with the task waiting in it. */
@Service
public class ActionLedger {

    private final ThemeActionRepository actions;
    private final TaskService taskService;
    private final Clock clock;

    ActionLedger(ThemeActionRepository actions, TaskService taskService, Clock clock) {
        this.actions = actions;
        this.taskService = taskService;
        this.clock = clock;
    }

    /** Open actions first, then the finished ones; newest first within each. */
    @Transactional(readOnly = true)
    public List<ActionView> list() {
        List<ThemeAction> all = actions.findAllByOrderByStartedAtDesc();
        Map<String, Task> waiting = waitingTasks(all.stream().filter(a -> a.getStatus().isOpen()
                || a.getStatus() == ActionStatus.MEASURED).map(ThemeAction::getProcessInstanceId).toList());
        return all.stream()
                .sorted(Comparator.comparing((ThemeAction a) -> !a.getStatus().isOpen()))
                .map(a -> ActionView.of(a, waiting.get(a.getProcessInstanceId())))
                .toList();
    }

    @Transactional(readOnly = true)
    public ActionView get(UUID id) {
        ThemeAction action = actions.findById(id)
                .orElseThrow(() -> new NotFoundException("Not found", "There is no action " + id));
        return ActionView.of(action, waitingTasks(action.getProcessInstanceId() == null ? List.of()
                : List.of(action.getProcessInstanceId())).get(action.getProcessInstanceId()));
    }

    /** The instance has ended: reviewed, or cancelled before its effect was measured. */
    @Transactional
    public void ended(UUID actionId) {
        actions.findById(actionId).ifPresent(action -> action.ended(clock.instant()));
    }

    private Map<String, Task> waitingTasks(List<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        return taskService.createTaskQuery().processInstanceIdIn(processInstanceIds.toArray(String[]::new))
                .orderByTaskCreateTime().desc().list().stream()
                .collect(Collectors.toMap(Task::getProcessInstanceId, Function.identity(), (newer, older) -> newer));
    }
}
