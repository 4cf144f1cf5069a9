package org.exitbot.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.exitbot.system.RetryCycles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Serves the {@link LlmTopic}s: {@code concurrency} slots, each fetching one external task at a time, the one
 * of highest priority first ({@code camunda:taskPriority}: the follow-up an employee waits for before the
 * interview's analysis before a re-analysis), oldest first within a priority. A slot locks the task briefly,
 * makes the LLM call with no transaction open (so no database connection waits on the model), extends the lock
 * while the call runs, and hands the task to a settler thread, which completes it in one short transaction with
 * what the topic stores while the slot already fetches and calls the next: a slot is busy for the model's time,
 * not the engine's. Work beyond the slots waits in the database as external tasks. When a node dies, its tasks
 * are free again once their short lock runs out, and another node's worker takes them; a late completion by the
 * dead node's call is refused by the engine, so a task is completed once.
 */
@Component
public class LlmWorker implements SmartLifecycle {

    /** The BPMN error a task ends in when the LLM fails; the processes catch it and go on without the LLM. */
    public static final String UNAVAILABLE_ERROR = "LLM_UNAVAILABLE";

    private static final Logger log = LoggerFactory.getLogger(LlmWorker.class);
    /** The longest a stop waits for the settlements under way; a task left unsettled is taken over after its lock. */
    private static final Duration SETTLING = Duration.ofSeconds(10);

    private final ExternalTaskService tasks;
    private final TransactionOperations transactions;
    private final Map<String, LlmTopic<?>> topics;
    private final LlmWorkerProperties properties;
    private final LlmWorkSignal signal;
    private final RetryCycles.Cycle retries;
    private final String workerId = "exitbot-" + UUID.randomUUID();
    private final List<Thread> slots = new ArrayList<>();
    private final ScheduledExecutorService lockKeeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "llm-lock-keeper");
        thread.setDaemon(true);
        return thread;
    });
    private ThreadPoolExecutor settlers;
    private volatile boolean running;

    public LlmWorker(ExternalTaskService tasks, TransactionOperations transactions, List<LlmTopic<?>> topics,
            LlmWorkerProperties properties, LlmWorkSignal signal, RetryCycles retryCycles) {
        this.tasks = tasks;
        this.transactions = transactions;
        this.topics = topics.stream().collect(Collectors.toMap(LlmTopic::topic, Function.identity()));
        this.properties = properties;
        this.signal = signal;
        this.retries = retryCycles.llmCycle();
    }

    /** Fetches the most urgent task of any topic and works on it, settled on return; false when there was none. */
    public boolean serveOne() {
        return serveOne(Runnable::run);
    }

    private boolean serveOne(Executor settlement) {
        List<LockedExternalTask> locked = fetch();
        if (locked.isEmpty()) {
            return false;
        }
        signal.wake();
        serve(locked.get(0), settlement);
        return true;
    }

    private List<LockedExternalTask> fetch() {
        ExternalTaskQueryBuilder query = null;
        var builder = tasks.fetchAndLock().workerId(workerId).maxTasks(1).usePriority(true).orderByCreateTime().asc();
        for (LlmTopic<?> topic : topics.values()) {
            query = (query == null ? builder.subscribe() : query)
                    .topic(topic.topic(), properties.lock().toMillis()).variables(topic.variables());
        }
        return query == null ? List.of() : query.execute();
    }

    private void serve(LockedExternalTask locked, Executor settlement) {
        @SuppressWarnings("unchecked")
        LlmTopic<Object> topic = (LlmTopic<Object>) topics.get(locked.getTopicName());
        var task = new LlmTask(locked.getId(), locked.getTopicName(), locked.getCreateTime().toInstant(),
                locked.getVariables());
        Object result;
        ScheduledFuture<?> keeper = keepLocked(locked.getId());
        try {
            result = topic.call(task);
        } catch (LlmUnavailableException e) {
            settlement.execute(() -> settle(locked, keeper,
                    () -> tasks.handleBpmnError(locked.getId(), workerId, UNAVAILABLE_ERROR, e.getMessage())));
            return;
        } catch (RuntimeException e) {
            keeper.cancel(false);
            fail(locked, e);
            return;
        }
        settlement.execute(() -> settle(locked, keeper,
                () -> tasks.complete(locked.getId(), workerId, topic.complete(task, result))));
    }

    /** Settles in one transaction; the lock is kept until then, so no other node takes a task being completed. */
    private void settle(LockedExternalTask locked, ScheduledFuture<?> keeper, Runnable settlement) {
        try {
            settle(locked, settlement);
        } finally {
            keeper.cancel(false);
        }
    }

    private void settle(LockedExternalTask locked, Runnable settlement) {
        try {
            transactions.executeWithoutResult(status -> settlement.run());
        } catch (RuntimeException e) {
            if (lockLost(locked.getId())) {
                log.warn("Task {} of topic {} was taken over after its lock ran out; this result is dropped",
                        locked.getId(), locked.getTopicName());
                return;
            }
            fail(locked, e);
        }
    }

    private boolean lockLost(String taskId) {
        var task = tasks.createExternalTaskQuery().externalTaskId(taskId).singleResult();
        return task == null || !workerId.equals(task.getWorkerId());
    }

    private void fail(LockedExternalTask locked, RuntimeException e) {
        int left = locked.getRetries() == null ? retries.retries() : locked.getRetries() - 1;
        log.warn("Task {} of topic {} failed ({} retries left): {}", locked.getId(), locked.getTopicName(), left,
                e.getMessage());
        try {
            tasks.handleFailure(locked.getId(), workerId, String.valueOf(e.getMessage()), stackTrace(e),
                    Math.max(0, left), retries.interval().toMillis());
        } catch (RuntimeException lost) {
            log.warn("Task {} could not be marked failed: {}", locked.getId(), lost.getMessage());
        }
    }

    private ScheduledFuture<?> keepLocked(String taskId) {
        long every = properties.lock().toMillis() / 2;
        return lockKeeper.scheduleAtFixedRate(() -> {
            try {
                tasks.extendLock(taskId, workerId, properties.lock().toMillis());
            } catch (RuntimeException e) {
                log.warn("The lock of task {} could not be extended: {}", taskId, e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private void slot() {
        while (running) {
            long seen = signal.generation();
            try {
                if (!serveOne(settlers)) {
                    signal.awaitAfter(seen, properties.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("The LLM worker could not fetch tasks: {}", e.getMessage());
                sleep(properties.pollInterval());
            }
        }
    }

    private static String stackTrace(Throwable e) {
        var text = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One settler a slot, and one settlement a slot waiting for it: a slot whose settler lags settles its next task
     * itself, so settlements never pile up in memory. Each settler holds a database connection while it settles.
     */
    private static ThreadPoolExecutor settlers(int slots) {
        var named = new AtomicInteger();
        return new ThreadPoolExecutor(slots, slots, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(slots),
                runnable -> {
                    Thread thread = new Thread(runnable, "llm-settler-" + named.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Override
    public synchronized void start() {
        running = true;
        settlers = settlers(Math.max(1, properties.concurrency()));
        for (int i = 1; i <= properties.concurrency(); i++) {
            Thread slot = new Thread(this::slot, "llm-worker-" + i);
            slot.setDaemon(true);
            slots.add(slot);
            slot.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        slots.forEach(Thread::interrupt);
        slots.clear();
        if (settlers != null) {
            settlers.shutdown();
            try {
                settlers.awaitTermination(SETTLING.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lockKeeper.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
