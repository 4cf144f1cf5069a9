package org.exitbot.analysis;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.llm.LlmUnavailableException;
import org.exitbot.system.InvalidInputException;
import org.exitbot.system.NotFoundException;
import org.exitbot.system.UnavailableException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HR re-runs analyses once the LLM is back, and reads their history. */
@RestController
class AnalysisController {

    static final String FALLBACK_SCOPE = "fallback";

    private final Reanalysis reanalysis;
    private final ReanalysisQueue queue;
    private final AnalysisService analyses;
    private final InterviewRepository interviews;

    AnalysisController(Reanalysis reanalysis, ReanalysisQueue queue, AnalysisService analyses,
            InterviewRepository interviews) {
        this.reanalysis = reanalysis;
        this.queue = queue;
        this.analyses = analyses;
        this.interviews = interviews;
    }

    /** Analyses one interview again, now; 503 and no change while the LLM is unavailable. */
    @PostMapping("/api/interviews/{id}/analysis")
    AnalysisView reanalyse(@PathVariable UUID id) {
        try {
            return reanalysis.reanalyse(id);
        } catch (LlmUnavailableException e) {
            throw new UnavailableException("LLM unavailable",
                    "The LLM gave no usable answer, so the analysis is unchanged. Try again once it is back.");
        }
    }

    @GetMapping("/api/interviews/{id}/analyses")
    List<PastAnalysis> history(@PathVariable UUID id) {
        if (!interviews.existsById(id)) {
            throw new NotFoundException("Not found", "There is no interview " + id);
        }
        return analyses.history(id);
    }

    /** Queues every interview the fallback analysed for re-analysis in the background. */
    @PostMapping("/api/analyses/rerun")
    ResponseEntity<Map<String, Integer>> rerun(@RequestParam String scope) {
        if (!FALLBACK_SCOPE.equals(scope)) {
            throw new InvalidInputException("scope", "must be " + FALLBACK_SCOPE);
        }
        return ResponseEntity.accepted().body(Map.of("queued", queue.queueFallbackAnalysed()));
    }
}
