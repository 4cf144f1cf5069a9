package org.exitbot.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.function.UnaryOperator;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.Message;
import org.exitbot.interview.QuestionThread;
import org.exitbot.interview.Transcripts;
import org.exitbot.llm.LlmAnswer;
import org.exitbot.llm.LlmUnavailableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores and reads analyses: per answer as answers arrive, per interview when the conversation ends, and again
 * on a re-analysis. A new analysis never overwrites an old one without keeping it as history.
 */
@Service
public class AnalysisService {

    private static final TypeReference<List<ThemeEvidence>> EVIDENCE_LIST = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TEXT_LIST = new TypeReference<>() {
    };

    private final AnswerAnalysisRepository answerAnalyses;
    private final AnswerAnalysisHistoryRepository answerHistory;
    private final InterviewAnalysisRepository interviewAnalyses;
    private final InterviewRepository interviews;
    private final Transcripts transcripts;
    private final InterviewAnalyst analyst;
    private final FallbackAnalyzer fallback;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    AnalysisService(AnswerAnalysisRepository answerAnalyses, AnswerAnalysisHistoryRepository answerHistory,
            InterviewAnalysisRepository interviewAnalyses, InterviewRepository interviews, Transcripts transcripts,
            InterviewAnalyst analyst, FallbackAnalyzer fallback, ObjectMapper objectMapper, Clock clock) {
        this.answerAnalyses = answerAnalyses;
        this.answerHistory = answerHistory;
        this.interviewAnalyses = interviewAnalyses;
        this.interviews = interviews;
        this.transcripts = transcripts;
        this.analyst = analyst;
        this.fallback = fallback;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Transactional
    public void recordAnswer(Message answer, AnswerInsight insight, String model, String promptVersion) {
        store(answer.getId(), insight, model, promptVersion, false);
    }

    @Transactional
    public void recordAnswerWithoutLlm(Message answer, String locale) {
        store(answer.getId(), fallback.analyse(answer.getText(), locale), FallbackAnalyzer.MODEL,
                FallbackAnalyzer.VERSION, true);
    }

    /** Retires the analysis of an answer the employee corrected to history; the interview analysis redoes it. */
    @Transactional
    public void forgetAnswer(Long messageId) {
        answerAnalyses.findById(messageId).ifPresent(current -> {
            answerHistory.save(new AnswerAnalysisHistory(current, now()));
            answerAnalyses.delete(current);
        });
    }

    /** Analyses the interview with the LLM; throws {@link LlmUnavailableException} when it cannot. */
    @Transactional(noRollbackFor = LlmUnavailableException.class)
    public AnalysisView analyse(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElseThrow();
        List<QuestionThread> threads = transcripts.threads(interviewId);
        if (answersOf(threads).isEmpty()) {
            return save(interviewId, InterviewVerdict.unanswered(), InterviewVerdict.UNANSWERED,
                    InterviewVerdict.UNANSWERED, false);
        }
        var answer = analyst.judge(interview.getLocale(), threads);
        analyseAnswersNotYetAnalysed(answersOf(threads), interview.getLocale());
        return save(interviewId, answer.value(), answer.model(), answer.promptVersion(), false);
    }

    /** Analyses the interview without the LLM and flags it, so HR knows and can re-run it later. */
    @Transactional
    public AnalysisView analyseWithoutLlm(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElseThrow();
        interview.flagLlmFallback();
        List<QuestionThread> threads = transcripts.threads(interviewId);
        List<Message> answers = answersOf(threads);
        Map<Long, AnswerAnalysis> stored = currentByMessage(answers);
        Map<Message, AnswerInsight> insights = new LinkedHashMap<>();
        for (Message answer : answers) {
            AnswerAnalysis known = stored.get(answer.getId());
            insights.put(answer, known != null
                    ? new AnswerInsight(known.result().sentiment(), known.result().score(),
                            read(known.result().themesJson(), EVIDENCE_LIST))
                    : fallback.analyse(answer.getText(), interview.getLocale()));
        }
        var verdict = FallbackVerdict.of(threads, insights);
        return save(interviewId, verdict, FallbackAnalyzer.MODEL, FallbackAnalyzer.VERSION, true);
    }

    private void analyseAnswersNotYetAnalysed(List<Message> answers, String locale) {
        var analysed = answerAnalyses.findByMessageIdIn(answers.stream().map(Message::getId).toList()).stream()
                .map(AnswerAnalysis::getMessageId).collect(Collectors.toSet());
        answers.stream().filter(a -> !analysed.contains(a.getId())).forEach(a -> recordAnswerWithoutLlm(a, locale));
    }

    /** Stores what a re-analysis found, all or nothing: new answer analyses and a new interview analysis. */
    @Transactional
    public AnalysisView recordReanalysis(UUID interviewId, Map<Message, LlmAnswer<AnswerInsight>> answers,
            LlmAnswer<InterviewVerdict> verdict) {
        answers.forEach((message, answer) -> store(message.getId(), answer.value(), answer.model(),
                answer.promptVersion(), false));
        return save(interviewId, verdict.value(), verdict.model(), verdict.promptVersion(), false);
    }

    /**
     * Rewrites every text of an interview's analyses that could quote the employee (summaries, flags, theme
     * quotes, per answer and per interview, current and past) with {@code redaction}; labels and scores stay.
     */
    @Transactional
    public void redact(UUID interviewId, Collection<Long> answerIds, UnaryOperator<String> redaction) {
        for (InterviewAnalysis analysis : interviewAnalyses.findByInterviewIdOrderByIdDesc(interviewId)) {
            analysis.redact(redaction.apply(analysis.getSummary()), redactThemes(analysis.getThemesJson(), redaction),
                    write(read(analysis.getFlagsJson(), TEXT_LIST).stream().map(redaction).toList()));
        }
        for (AnswerAnalysis answer : answerAnalyses.findByMessageIdIn(answerIds)) {
            answer.redact(redactThemes(answer.result().themesJson(), redaction));
        }
        for (Long answerId : answerIds) {
            answerHistory.findByMessageIdOrderByIdDesc(answerId)
                    .forEach(past -> past.redact(redactThemes(past.result().themesJson(), redaction)));
        }
    }

    /** Blanks the quotes of an interview's analyses once its transcript is deleted; the theme codes stay. */
    @Transactional
    public void forgetQuotes(UUID interviewId) {
        for (InterviewAnalysis analysis : interviewAnalyses.findByInterviewIdOrderByIdDesc(interviewId)) {
            analysis.redact(analysis.getSummary(), redactThemes(analysis.getThemesJson(), quote -> ""),
                    analysis.getFlagsJson());
        }
    }

    private String redactThemes(String themesJson, UnaryOperator<String> redaction) {
        return write(read(themesJson, EVIDENCE_LIST).stream()
                .map(evidence -> new ThemeEvidence(evidence.theme(), redaction.apply(evidence.quote())))
                .toList());
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
                        a.getMainReason(), read(a.getThemesJson(), EVIDENCE_LIST), read(a.getFlagsJson(), TEXT_LIST),
                        a.getModel(), a.getPromptVersion(), a.isFallback(), a.getCreatedAt()))
                .toList();
    }

    /** The current analyses of these answers, by message id; answers never analysed are missing. */
    Map<Long, AnswerAnalysis> currentByMessage(List<Message> answers) {
        return answerAnalyses.findByMessageIdIn(answers.stream().map(Message::getId).toList()).stream()
                .collect(Collectors.toMap(AnswerAnalysis::getMessageId, Function.identity()));
    }

    private void store(Long messageId, AnswerInsight insight, String model, String promptVersion, boolean isFallback) {
        Instant now = now();
        var result = new AnswerResult(insight.sentiment(), insight.score(), write(insight.themes()), model,
                promptVersion, isFallback, now);
        var existing = answerAnalyses.findById(messageId);
        if (existing.isPresent()) {
            answerHistory.save(new AnswerAnalysisHistory(existing.get(), now));
            existing.get().revise(result);
        } else {
            answerAnalyses.save(new AnswerAnalysis(messageId, result));
        }
    }

    private AnalysisView save(UUID interviewId, InterviewVerdict verdict, String model, String promptVersion,
            boolean isFallback) {
        var saved = interviewAnalyses.save(new InterviewAnalysis(interviewId, verdict.sentiment(), verdict.score(),
                verdict.summary(), verdict.mainReason(), write(verdict.themes()), write(verdict.flags()), model,
                promptVersion, isFallback, now()));
        return view(saved);
    }

    private AnalysisView view(InterviewAnalysis analysis) {
        List<Message> answers = answersOf(transcripts.threads(analysis.getInterviewId()));
        var perAnswer = currentByMessage(answers).values().stream()
                .sorted(Comparator.comparing(AnswerAnalysis::getMessageId))
                .map(a -> new AnalysisView.AnswerView(a.getMessageId(), a.result().sentiment(), a.result().score(),
                        read(a.result().themesJson(), EVIDENCE_LIST), a.result().model(), a.result().promptVersion(),
                        a.result().fallback()))
                .toList();
        return new AnalysisView(analysis.getSentiment(), analysis.getScore(), analysis.getSummary(),
                analysis.getMainReason(), read(analysis.getThemesJson(), EVIDENCE_LIST),
                read(analysis.getFlagsJson(), TEXT_LIST), analysis.getModel(), analysis.getPromptVersion(),
                analysis.isFallback(), analysis.getCreatedAt(), perAnswer);
    }

    /** The database keeps microseconds: so does what a caller sees before reading it back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static List<Message> answersOf(List<QuestionThread> threads) {
        return threads.stream().flatMap(t -> t.answers().stream()).toList();
    }

    private String write(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored analysis is not valid JSON", e);
        }
    }
}
