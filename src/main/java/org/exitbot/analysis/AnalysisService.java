package org.exitbot.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.Message;
import org.exitbot.interview.QuestionThread;
import org.exitbot.interview.Transcripts;
import org.exitbot.llm.LlmUnavailableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores and reads analyses: per answer as answers arrive, per interview when the conversation ends. */
@Service
public class AnalysisService {

    private static final TypeReference<List<ThemeEvidence>> EVIDENCE_LIST = new TypeReference<>() {
    };
    private static final String NO_ANSWERS = "none";

    private final AnswerAnalysisRepository answerAnalyses;
    private final InterviewAnalysisRepository interviewAnalyses;
    private final InterviewRepository interviews;
    private final Transcripts transcripts;
    private final InterviewAnalyst analyst;
    private final FallbackAnalyzer fallback;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    AnalysisService(AnswerAnalysisRepository answerAnalyses, InterviewAnalysisRepository interviewAnalyses,
            InterviewRepository interviews, Transcripts transcripts, InterviewAnalyst analyst, FallbackAnalyzer fallback,
            ObjectMapper objectMapper, Clock clock) {
        this.answerAnalyses = answerAnalyses;
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
        answerAnalyses.save(new AnswerAnalysis(answer.getId(), insight.sentiment(), insight.score(),
                write(insight.themes()), model, promptVersion, false, clock.instant()));
    }

    @Transactional
    public void recordAnswerWithoutLlm(Message answer, String locale) {
        AnswerInsight insight = fallback.analyse(answer.getText(), locale);
        answerAnalyses.save(new AnswerAnalysis(answer.getId(), insight.sentiment(), insight.score(),
                write(insight.themes()), FallbackAnalyzer.MODEL, FallbackAnalyzer.VERSION, true, clock.instant()));
    }

    /** Drops the analysis of an answer the employee corrected; the interview analysis covers it again. */
    @Transactional
    public void forgetAnswer(Long messageId) {
        answerAnalyses.deleteById(messageId);
    }

    /** Analyses the interview with the LLM; throws {@link LlmUnavailableException} when it cannot. */
    @Transactional(noRollbackFor = LlmUnavailableException.class)
    public AnalysisView analyse(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElseThrow();
        List<QuestionThread> threads = transcripts.threads(interviewId);
        List<Message> answers = answersOf(threads);
        if (answers.isEmpty()) {
            return save(interviewId, new InterviewVerdict(Sentiment.UNKNOWN, null,
                    "The employee did not answer any question.", null, List.of()), NO_ANSWERS, NO_ANSWERS, false);
        }
        var answer = analyst.judge(interview.getLocale(), threads);
        InterviewVerdict verdict = answer.value();
        var verified = new InterviewVerdict(verdict.sentiment(), verdict.score(), verdict.summary().strip(),
                verdict.mainReason(), Quotes.keepVerbatim(verdict.themes(), joined(answers)));
        analyseAnswersNotYetAnalysed(answers, interview.getLocale());
        return save(interviewId, verified, answer.model(), answer.promptVersion(), false);
    }

    /** Analyses the interview without the LLM and flags it, so HR knows and can re-run it later. */
    @Transactional
    public AnalysisView analyseWithoutLlm(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElseThrow();
        interview.flagLlmFallback();
        List<QuestionThread> threads = transcripts.threads(interviewId);
        List<Message> answers = answersOf(threads);
        Map<Long, AnswerAnalysis> stored = answerAnalyses.findByMessageIdIn(answers.stream().map(Message::getId).toList())
                .stream().collect(Collectors.toMap(AnswerAnalysis::getMessageId, Function.identity()));
        Map<Message, AnswerInsight> insights = new LinkedHashMap<>();
        for (Message answer : answers) {
            AnswerAnalysis known = stored.get(answer.getId());
            insights.put(answer, known != null
                    ? new AnswerInsight(known.getSentiment(), known.getScore(), read(known.getThemesJson()))
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

    @Transactional(readOnly = true)
    public Optional<AnalysisView> current(UUID interviewId) {
        return interviewAnalyses.findFirstByInterviewIdOrderByIdDesc(interviewId).map(this::view);
    }

    private AnalysisView save(UUID interviewId, InterviewVerdict verdict, String model, String promptVersion,
            boolean isFallback) {
        var saved = interviewAnalyses.save(new InterviewAnalysis(interviewId, verdict.sentiment(), verdict.score(),
                verdict.summary(), verdict.mainReason(), write(verdict.themes()), model, promptVersion, isFallback,
                clock.instant()));
        return view(saved);
    }

    private AnalysisView view(InterviewAnalysis analysis) {
        List<Message> answers = answersOf(transcripts.threads(analysis.getInterviewId()));
        var perAnswer = answerAnalyses.findByMessageIdIn(answers.stream().map(Message::getId).toList()).stream()
                .sorted(Comparator.comparing(AnswerAnalysis::getMessageId))
                .map(a -> new AnalysisView.AnswerView(a.getMessageId(), a.getSentiment(), a.getScore(),
                        read(a.getThemesJson()), a.isFallback()))
                .toList();
        return new AnalysisView(analysis.getSentiment(), analysis.getScore(), analysis.getSummary(),
                analysis.getMainReason(), read(analysis.getThemesJson()), analysis.getModel(),
                analysis.getPromptVersion(), analysis.isFallback(), analysis.getCreatedAt(), perAnswer);
    }

    private static List<Message> answersOf(List<QuestionThread> threads) {
        return threads.stream().flatMap(t -> t.answers().stream()).toList();
    }

    private static String joined(List<Message> answers) {
        return answers.stream().map(Message::getText).collect(Collectors.joining("\n"));
    }

    private String write(List<ThemeEvidence> themes) {
        try {
            return objectMapper.writeValueAsString(themes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ThemeEvidence> read(String json) {
        try {
            return objectMapper.readValue(json, EVIDENCE_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored themes are not valid JSON", e);
        }
    }
}
