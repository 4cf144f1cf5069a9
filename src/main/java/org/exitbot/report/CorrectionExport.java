package org.exitbot.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.exitbot.analysis.AnalysisCorrections;
import org.exitbot.analysis.AnalysisCorrections.CorrectedAnswer;
import org.exitbot.analysis.Theme;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.privacy.HrView;
import org.exitbot.privacy.Redactor;
import org.exitbot.security.TranscriptRead;
import org.exitbot.security.TranscriptReads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * HR's corrected answers as a labelled set in the format of {@code src/test/resources/data/exit-answers.jsonl}, so
 * {@code ./mvnw -Peval verify -Dexitbot.eval.data=<file>} measures the analysis on them. Every text is redacted
 * (the employee's and the manager's names, e-mails, phone numbers, links, street addresses). Anonymous interviews
 * are never in it: they have no review, so no correction, and their words live in {@code anonymous_comment}, joined
 * to no interview and no label. An interview anonymised after its review is exported as the redacted text it keeps;
 * one whose transcript is deleted is left out. Each exported interview is recorded as a transcript read.
 */
@Service
class CorrectionExport {

    /** One line of the file: the fields of the labelled set. */
    public record LabelledAnswer(String id, String question, String lang, String text, String sentiment,
            List<String> themes) {
    }

    private final AnalysisCorrections corrections;
    private final InterviewRepository interviews;
    private final TranscriptReads transcriptReads;

    CorrectionExport(AnalysisCorrections corrections, InterviewRepository interviews, TranscriptReads transcriptReads) {
        this.corrections = corrections;
        this.interviews = interviews;
        this.transcriptReads = transcriptReads;
    }

    @Transactional
    public List<LabelledAnswer> export(String reader) {
        var lines = new ArrayList<LabelledAnswer>();
        var exported = new LinkedHashSet<UUID>();
        Map<UUID, UnaryOperator<String>> redactions = new HashMap<>();
        for (CorrectedAnswer answer : corrections.correctedAnswers()) {
            var redaction = redactions.computeIfAbsent(answer.interviewId(), id -> interviews.findById(id)
                    .filter(HrView::showsWords).map(i -> Redactor.of(i.knownNames())).orElse(null));
            if (redaction == null) {
                continue;
            }
            exported.add(answer.interviewId());
            lines.add(new LabelledAnswer("hr-" + answer.messageId(), answer.questionId(), answer.language(),
                    redaction.apply(answer.text()), answer.sentiment().code(),
                    answer.themes().stream().map(Theme::code).toList()));
        }
        exported.forEach(id -> transcriptReads.record(id, reader, TranscriptRead.Channel.EXPORT));
        return lines;
    }
}
