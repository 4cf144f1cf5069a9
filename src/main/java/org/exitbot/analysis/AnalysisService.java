package org.exitbot.analysis;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.Message;
import org.exitbot.interview.QuestionThread;
import org.exitbot.interview.Transcripts;
import org.exitbot.llm.LlmAnswer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores and reads analyses of answers and interviews, by the LLM ({@link Reanalysis} asks it) or the fallback. A new analysis never overwrites an old one without keeping it as history.
 */
@Service
public class AnalysisService {

    private final AnswerAnalyses answers;
    private final InterviewAnalysisRepository interviewAnalyses;
    private final InterviewRepository interviews;
    private final Transcripts transcripts;
    private final AnalysisJson json;
    private final EmployeeSummaries summaries;
    private final Clock clock;

    AnalysisService(AnswerAnalyses answers, InterviewAnalysisRepository interviewAnalyses,
            InterviewRepository interviews, Transcripts transcripts, AnalysisJson json,
            EmployeeSummaries summaries, Clock clock) {
        this.answers = answers;
        this.interviewAnalyses = interviewAnalyses;
        this.interviews = interviews;
        this.transcripts = transcripts;
        this.json = json;
        this.summaries = summaries;
        this.clock = clock;
    }

    @Transactional
    public void recordAnswerWithoutLlm(Message answer, String locale) {
        answers.storeWithoutLlm(answer, locale);
    }

    /** Retires the analysis of an answer the employee corrected to history; the interview analysis redoes it. */
    @Transactional
    public void forgetAnswer(Long messageId) {
        answers.forget(messageId);
    }

    /** Dates a demo interview's analyses back with the interview ({@link org.exitbot.interview.DemoBackdating}). */
    @Transactional
    public void backdateDemo(UUID interviewId, java.time.Duration by) {
        if (!interviews.findById(interviewId).orElseThrow().isDemo()) {
            throw new IllegalStateException("Interview " + interviewId + " is not demo data: its dates stay");
        }
        interviewAnalyses.findByInterviewIdOrderByIdDesc(interviewId).forEach(analysis -> analysis.backdate(by));
    }

    /** Analyses the interview without the LLM and flags it, so HR knows and can re-run it later. */
    @Transactional
    public AnalysisView analyseWithoutLlm(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElseThrow();
        interview.flagLlmFallback();
        List<QuestionThread> threads = transcripts.threads(interviewId);
        answers.storeMissingWithoutLlm(answersOf(threads), interview.getLocale());
        var verdict = FallbackVerdict.of(threads, answers.insights(answersOf(threads), interview.getLocale()));
        return save(interviewId, verdict, FallbackAnalyzer.MODEL, FallbackAnalyzer.VERSION, true);
    }

    /**
     * Stores what a re-analysis found, all or nothing: new answer analyses and a new interview analysis; the
     * answers the LLM left out that have no analysis yet get the fallback's.
     */
    @Transactional
    public AnalysisView recordReanalysis(UUID interviewId, Map<Message, LlmAnswer<AnswerInsight>> reanalysed,
            List<Message> leftOut, LlmAnswer<InterviewVerdict> verdict) {
        reanalysed.forEach((message, answer) -> answers.store(message.getId(), answer.value(), answer.model(),
                answer.promptVersion(), false));
        if (!leftOut.isEmpty()) {
            answers.storeMissingWithoutLlm(leftOut, interviews.findById(interviewId).orElseThrow().getLocale());
        }
        return save(interviewId, verdict.value(), verdict.model(), verdict.promptVersion(), false);
    }

    /**
     * Rewrites every text of an interview's analyses that could quote the employee (summaries, flags, theme
     * quotes, per answer and per interview, current and past) with {@code redaction}; labels and scores stay.
     */
    @Transactional
    public void redact(UUID interviewId, Collection<Long> answerIds, UnaryOperator<String> redaction) {
        for (InterviewAnalysis analysis : interviewAnalyses.findByInterviewIdOrderByIdDesc(interviewId)) {
            analysis.redact(redaction.apply(analysis.getSummary()),
                    json.redactThemes(analysis.getThemesJson(), redaction),
                    json.write(json.texts(analysis.getFlagsJson()).stream().map(redaction).toList()),
                    redactTexts(analysis.getStatementsJson(), redaction));
        }
        answers.redact(answerIds, redaction);
        summaries.redact(interviewId, redaction);
    }

    /**
     * Blanks every text of an interview's analyses (summaries, flags, theme quotes, per answer and per interview,
     * current and past); labels, scores and theme codes stay.
     */
    @Transactional
    public void forgetWords(UUID interviewId, Collection<Long> answerIds) {
        for (InterviewAnalysis analysis : interviewAnalyses.findByInterviewIdOrderByIdDesc(interviewId)) {
            analysis.redact("", json.redactThemes(analysis.getThemesJson(), quote -> ""), json.write(List.of()),
                    redactTexts(analysis.getStatementsJson(), quote -> ""));
        }
        answers.redact(answerIds, quote -> "");
        summaries.redact(interviewId, quote -> "");
    }

    /** Blanks the quotes of an interview's analyses once its transcript is deleted; the theme codes stay. */
    @Transactional
    public void forgetQuotes(UUID interviewId) {
        for (InterviewAnalysis analysis : interviewAnalyses.findByInterviewIdOrderByIdDesc(interviewId)) {
            analysis.redact(analysis.getSummary(), json.redactThemes(analysis.getThemesJson(), quote -> ""),
                    analysis.getFlagsJson(), analysis.getStatementsJson());
        }
    }

    @Transactional(readOnly = true)
    public Optional<AnalysisView> current(UUID interviewId) {
        return interviewAnalyses.findFirstByInterviewIdOrderByIdDesc(interviewId).map(this::view);
    }

    /** Every analysis of the interview, newest (the current one) first. */
    @Transactional(readOnly = true)
    public List<PastAnalysis> history(UUID interviewId) {
        return interviewAnalyses.findByInterviewIdOrderByIdDesc(interviewId).stream()
                .map(a -> new PastAnalysis(a.getId(), a.getSentiment(), a.getScore(), a.getSummary(),
                        a.getMainReason(), json.themes(a.getThemesJson()), json.texts(a.getFlagsJson()),
                        a.getModel(), a.getPromptVersion(), a.isFallback(), a.getCreatedAt()))
                .toList();
    }

    /** The current analyses of these answers, by message id; answers never analysed are missing. */
    Map<Long, AnswerAnalysis> currentByMessage(List<Message> answers) {
        return this.answers.currentByMessage(answers);
    }

    private AnalysisView save(UUID interviewId, InterviewVerdict verdict, String model, String promptVersion,
            boolean isFallback) {
        var saved = interviewAnalyses.save(new InterviewAnalysis(interviewId, verdict.sentiment(), verdict.score(),
                verdict.summary(), verdict.mainReason(), json.write(verdict.themes()), json.write(verdict.flags()),
                json.write(verdict.statements()), model, promptVersion, isFallback, now()));
        return view(saved);
    }

    private AnalysisView view(InterviewAnalysis analysis) {
        var perAnswer = answers.views(answersOf(transcripts.threads(analysis.getInterviewId())));
        Optional<EmployeeSummaries.Summary> check = summaries.of(analysis.getInterviewId());
        String summary = check.flatMap(c -> EmployeeSummaries.employeeVersion(analysis, c))
                .orElse(analysis.getSummary());
        List<Theme> removed = check.map(EmployeeSummaries.Summary::removedThemes).orElse(List.of());
        Theme mainReason = analysis.getMainReason();
        return new AnalysisView(analysis.getSentiment(), analysis.getScore(), summary,
                mainReason != null && removed.contains(mainReason) ? null : mainReason,
                json.themes(analysis.getThemesJson()).stream().filter(t -> !removed.contains(t.theme())).toList(),
                json.texts(analysis.getFlagsJson()),
                analysis.getModel(), analysis.getPromptVersion(), analysis.isFallback(), analysis.getCreatedAt(),
                perAnswer);
    }

    /** The database keeps microseconds: so does what a caller sees before reading it back. */
    private String redactTexts(String textsJson, UnaryOperator<String> redaction) {
        return textsJson == null ? null : json.write(json.texts(textsJson).stream().map(redaction).toList());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static List<Message> answersOf(List<QuestionThread> threads) {
        return threads.stream().flatMap(t -> t.answers().stream()).toList();
    }
}
