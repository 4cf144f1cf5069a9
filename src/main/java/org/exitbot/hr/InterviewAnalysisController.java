package org.exitbot.hr;

import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.exitbot.analysis.AnalysisView;
import org.exitbot.analysis.PastAnalysis;
import org.exitbot.security.TranscriptReads;
import org.exitbot.security.TranscriptRead.Channel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** One interview's analyses as HR may read them, each read recorded like a transcript read. */
@RestController
class InterviewAnalysisController {

    private final InterviewDetailsService details;
    private final TranscriptReads transcriptReads;

    InterviewAnalysisController(InterviewDetailsService details, TranscriptReads transcriptReads) {
        this.details = details;
        this.transcriptReads = transcriptReads;
    }

    /** Analyses one interview again, now; 503 and no change while the LLM is unavailable. */
    @PostMapping("/api/interviews/{id}/analysis")
    AnalysisView reanalyse(@PathVariable UUID id, Principal reader) {
        AnalysisView analysed = details.reanalyse(id);
        transcriptReads.record(id, reader.getName(), Channel.API);
        return analysed;
    }

    @GetMapping("/api/interviews/{id}/analyses")
    List<PastAnalysis> history(@PathVariable UUID id, Principal reader) {
        List<PastAnalysis> shown = details.analyses(id);
        transcriptReads.record(id, reader.getName(), Channel.API);
        return shown;
    }
}
