package org.exitbot.analysis;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.system.EngineAsApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues, in the database, a re-analysis of every interview the fallback analysed: an instance of
 * {@code processes/interview-reanalysis.bpmn} each, at most {@code capacity} at a time, whose external task the
 * LLM worker takes last, after every follow-up and interview analysis. Queued on any node, served by any.
 */
@Component
class ReanalysisQueue {

    static final String KEY = "interview-reanalysis";
    static final String INTERVIEW_ID = "interviewId";

    private static final Logger log = LoggerFactory.getLogger(ReanalysisQueue.class);
    private static final List<InterviewStatus> CONVERSATION_OPEN = List.of(InterviewStatus.INVITED,
            InterviewStatus.IN_PROGRESS);

    private final InterviewAnalysisRepository interviewAnalyses;
    private final RuntimeService runtime;
    private final EngineAsApp engineAsApp;
    private final int capacity;

    ReanalysisQueue(InterviewAnalysisRepository interviewAnalyses, RuntimeService runtime, EngineAsApp engineAsApp,
            AnalysisProperties properties) {
        this.interviewAnalyses = interviewAnalyses;
        this.runtime = runtime;
        this.engineAsApp = engineAsApp;
        this.capacity = properties.rerunCapacity();
    }

    /** Queues the interviews analysed by the fallback that are not queued yet; returns how many it queued. */
    @Transactional
    public int queueFallbackAnalysed() {
        return engineAsApp.call(() -> {
            int room = capacity - (int) runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
            int queued = 0;
            for (UUID id : interviewAnalyses.findAnalysedByFallback(CONVERSATION_OPEN, PageRequest.of(0, capacity))) {
                if (queued >= room) {
                    break;
                }
                if (runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                        .processInstanceBusinessKey(id.toString()).count() == 0) {
                    runtime.startProcessInstanceByKey(KEY, id.toString(), Map.of(INTERVIEW_ID, id.toString()));
                    queued++;
                }
            }
            if (queued > 0) {
                log.info("Queued {} interviews analysed by the fallback for re-analysis", queued);
            }
            return queued;
        });
    }

    /** Nothing queued or running. */
    boolean idle() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count() == 0;
    }
}
