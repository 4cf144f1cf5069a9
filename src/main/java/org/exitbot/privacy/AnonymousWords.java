package org.exitbot.privacy;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.analysis.EmployeeSummaries;
import org.exitbot.interview.Interview;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.PersonalData;
import org.exitbot.interview.Transcripts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cuts what an anonymous employee said from their interview: the answers, redacted, go to the anonymous comments
 * under the interview's group and this month only; every text of the interview (answers, earlier wordings,
 * follow-ups, summaries, quotes, flags, HR's notes) is blanked. The interview keeps its dates, status, labels and
 * theme codes for the funnel and the reports.
 */
@Component
class AnonymousWords {

    private static final UnaryOperator<String> BLANK = text -> "";

    private final Transcripts transcripts;
    private final PersonalData personalData;
    private final AnalysisService analyses;
    private final AnonymousComments comments;
    private final EmployeeSummaries summaries;
    private final Clock clock;

    AnonymousWords(Transcripts transcripts, PersonalData personalData, AnalysisService analyses,
            AnonymousComments comments, EmployeeSummaries summaries, Clock clock) {
        this.transcripts = transcripts;
        this.personalData = personalData;
        this.analyses = analyses;
        this.comments = comments;
        this.summaries = summaries;
        this.clock = clock;
    }

    /**
     * Where the employee checked their comments before finishing ({@link EmployeeSummaries.Kind#COMMENTS}), what
     * they removed stays out and what they corrected goes in as corrected, redacted again.
     */
    @Transactional
    void moveOut(Interview interview, UnaryOperator<String> redaction) {
        boolean checked = summaries.of(interview.getId())
                .filter(summary -> summary.kind() == EmployeeSummaries.Kind.COMMENTS).isPresent();
        Map<Long, String> kept = summaries.keptComments(interview.getId());
        List<AnonymousComments.Answer> answers = transcripts.messages(interview.getId()).stream()
                .filter(message -> message.getKind() == MessageKind.ANSWER)
                .filter(message -> !checked || kept.containsKey(message.getId()))
                .map(message -> new AnonymousComments.Answer(message.getQuestionId(),
                        redaction.apply(checked ? kept.get(message.getId()) : message.getText())))
                .toList();
        comments.keep(interview.getDepartment(), month(interview), answers, interview.isDemo());
        List<Long> messageIds = personalData.redact(interview.getId(), BLANK);
        analyses.forgetWords(interview.getId(), messageIds);
    }

    /** This month; a demo interview's words go under the month it is dated to, as if it had closed then. */
    private YearMonth month(Interview interview) {
        if (interview.isDemo() && interview.getDemoDatedAt() != null) {
            return YearMonth.from(interview.getDemoDatedAt().atZone(ZoneOffset.UTC));
        }
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }
}
