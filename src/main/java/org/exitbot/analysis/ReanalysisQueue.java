package org.exitbot.analysis;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.llm.LlmTraffic;
import org.exitbot.llm.LlmUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Re-analyses, in the background, every interview the fallback analysed: one interview at a time on one thread,
 * at most {@code capacity} waiting, and each LLM call only while no one waits for another (see
 * {@link LlmTraffic}). When the LLM fails again the rest is dropped: HR can queue it again later.
 */
@Component
class ReanalysisQueue implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReanalysisQueue.class);
    private static final List<InterviewStatus> CONVERSATION_OPEN = List.of(InterviewStatus.INVITED,
            InterviewStatus.IN_PROGRESS);

    private final InterviewAnalysisRepository interviewAnalyses;
    private final Reanalysis reanalysis;
    private final LlmTraffic traffic;
    private final int capacity;
    private final ThreadPoolExecutor worker;
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

    ReanalysisQueue(InterviewAnalysisRepository interviewAnalyses, Reanalysis reanalysis, LlmTraffic traffic,
            AnalysisProperties properties) {
        this.interviewAnalyses = interviewAnalyses;
        this.reanalysis = reanalysis;
        this.traffic = traffic;
        this.capacity = properties.rerunCapacity();
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                runnable -> {
                    Thread thread = new Thread(runnable, "reanalysis");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Queues the interviews analysed by the fallback that are not queued yet; returns how many it queued. */
    int queueFallbackAnalysed() {
        int queued = 0;
        for (UUID id : interviewAnalyses.findAnalysedByFallback(CONVERSATION_OPEN, PageRequest.of(0, capacity))) {
            if (!pending.add(id)) {
                continue;
            }
            try {
                worker.execute(() -> run(id));
                queued++;
            } catch (RejectedExecutionException full) {
                pending.remove(id);
                break;
            }
        }
        if (queued > 0) {
            log.info("Queued {} interviews analysed by the fallback for re-analysis", queued);
        }
        return queued;
    }

    private void run(UUID id) {
        try {
            traffic.inBackground(() -> reanalysis.reanalyse(id));
        } catch (LlmUnavailableException e) {
            var dropped = worker.getQueue().size();
            worker.getQueue().clear();
            pending.clear();
            log.warn("Re-analysis stopped, the LLM is still unavailable ({}); {} interviews were not re-analysed",
                    e.getMessage(), dropped + 1);
        } catch (RuntimeException e) {
            log.error("Re-analysis of interview {} failed", id, e);
        } finally {
            pending.remove(id);
        }
    }

    /** Nothing queued or running. */
    boolean idle() {
        return pending.isEmpty();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
