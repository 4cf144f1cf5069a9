package org.exitbot.analysis;

import java.util.Map;
import org.exitbot.system.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HR re-runs the analyses the fallback made, once the LLM is back (one interview's: {@code hr}'s API). */
@RestController
class AnalysisController {

    static final String FALLBACK_SCOPE = "fallback";

    private final ReanalysisQueue queue;

    AnalysisController(ReanalysisQueue queue) {
        this.queue = queue;
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
