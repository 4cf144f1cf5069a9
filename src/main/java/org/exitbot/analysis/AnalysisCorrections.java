package org.exitbot.analysis;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.Message;
import org.exitbot.interview.QuestionThread;
import org.exitbot.interview.Transcripts;
import org.exitbot.interview.Visibility;
import org.exitbot.system.FieldError;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * HR's corrections of an interview's analysis, made in the review: the interview's sentiment, themes and main
 * reason, and each answer's sentiment and themes. Stored beside the analysis they correct, which stays as it was,
 * with who corrected it and when; read back as labelled items for the agreement report and the export.
 */
@Service
public class AnalysisCorrections {

    /** The sentiments HR may choose: the analysis' own, without {@code unknown}. */
    public static final List<Sentiment> SENTIMENTS = List.of(Sentiment.NEGATIVE, Sentiment.NEUTRAL,
            Sentiment.POSITIVE, Sentiment.MIXED);

    /** What HR says an answer or the interview is about, as the form sent it; {@link #problems} checks it. */
    public record Labels(String sentiment, List<String> themes, String mainReason) {
    }

    /** An answer HR may correct, in the order the form lists them, with what its current analysis says. */
    public record AnswerToCorrect(Long messageId, String question, String answer, Sentiment sentiment,
            List<Theme> themes) {
    }

    /** Whether an item is one answer or a whole interview. */
    public enum Level { ANSWER, INTERVIEW }

    /**
     * One item HR labelled, and what one analysis of it said: the analysis HR corrected, or the fallback run again on
     * the same text ({@code recomputed}).
     */
    public record CorrectedItem(UUID interviewId, String language, Level level, String model, String promptVersion,
            boolean fallback, boolean recomputed, Sentiment predictedSentiment, Set<Theme> predictedThemes,
            Sentiment hrSentiment, Set<Theme> hrThemes) {
    }

    /** A corrected answer for the export: its words as stored (the caller redacts them) and HR's labels. */
    public record CorrectedAnswer(UUID interviewId, Long messageId, String questionId, String language, String text,
            Sentiment sentiment, List<Theme> themes) {
    }

    /** The newest correction of one interview: who made it, when, and what HR said. */
    public record InterviewCorrection(Long analysisId, Sentiment sentiment, List<Theme> themes, Theme mainReason,
            String correctedBy, Instant correctedAt) {
    }

    private final JdbcTemplate jdbc;
    private final InterviewRepository interviews;
    private final InterviewAnalysisRepository interviewAnalyses;
    private final AnswerAnalyses answerAnalyses;
    private final Transcripts transcripts;
    private final AnalysisJson json;
    private final Clock clock;

    AnalysisCorrections(JdbcTemplate jdbc, InterviewRepository interviews, InterviewAnalysisRepository interviewAnalyses,
            AnswerAnalyses answerAnalyses, Transcripts transcripts, AnalysisJson json,
            Clock clock) {
        this.jdbc = jdbc;
        this.interviews = interviews;
        this.interviewAnalyses = interviewAnalyses;
        this.answerAnalyses = answerAnalyses;
        this.transcripts = transcripts;
        this.json = json;
        this.clock = clock;
    }

    /** The analysed answers of the interview, as the review form lists them and {@link #record} reads them back. */
    @Transactional(readOnly = true)
    public List<AnswerToCorrect> answers(UUID interviewId) {
        var list = new ArrayList<AnswerToCorrect>();
        List<QuestionThread> threads = transcripts.threads(interviewId);
        Map<Long, AnswerAnalysis> analysed = answerAnalyses.currentByMessage(AnalysisService.answersOf(threads));
        for (QuestionThread thread : threads) {
            for (Message answer : thread.answers()) {
                AnswerAnalysis analysis = analysed.get(answer.getId());
                if (analysis != null) {
                    list.add(new AnswerToCorrect(answer.getId(), thread.question(), answer.getText(),
                            analysis.result().sentiment(), List.copyOf(themes(analysis.result().themesJson()))));
                }
            }
        }
        return list;
    }

    /** What is wrong with HR's labels: unknown sentiments, themes or main reasons, or a list of the wrong length. */
    @Transactional(readOnly = true)
    public List<FieldError> problems(UUID interviewId, Labels interview, List<Labels> answers) {
        var problems = new ArrayList<FieldError>();
        check("correctSentiment", "correctThemes", interview, problems);
        if (interview.mainReason() != null && theme(interview.mainReason()) == null) {
            problems.add(new FieldError("correctMainReason", "must be one of " + Theme.codes()));
        }
        int expected = answers(interviewId).size();
        if (answers.size() != expected) {
            problems.add(new FieldError("answerCorrections", "must list the " + expected + " analysed answers"));
        } else {
            for (int i = 0; i < answers.size(); i++) {
                check("answerCorrections[" + i + "].sentiment", "answerCorrections[" + i + "].themes", answers.get(i),
                        problems);
            }
        }
        if (interviewAnalyses.findFirstByInterviewIdOrderByIdDesc(interviewId).isEmpty()) {
            problems.add(new FieldError("correctSentiment", "cannot correct an interview that has no analysis"));
        }
        return problems;
    }

    /**
     * Stores HR's labels beside the current analyses: the interview's, and each answer's in the order of
     * {@link #answers}, when HR changed any of them or {@code confirmed} the analysis as it stands; the caller has
     * checked them with {@link #problems}. Returns whether it stored them.
     */
    @Transactional
    public boolean record(UUID interviewId, Labels interview, List<Labels> answers, boolean confirmed,
            String correctedBy) {
        Interview record = interviews.findById(interviewId).orElseThrow();
        if (record.getVisibility() == Visibility.ANONYMOUS) {
            throw new IllegalStateException("Interview " + interviewId + " is anonymous: HR does not review it");
        }
        InterviewAnalysis analysis = interviewAnalyses.findFirstByInterviewIdOrderByIdDesc(interviewId).orElseThrow();
        if (!confirmed && !changes(interviewId, interview, answers)) {
            return false;
        }
        Sentiment sentiment = sentiment(interview.sentiment());
        Set<Theme> themes = themes(interview.themes());
        Theme mainReason = interview.mainReason() == null ? null : theme(interview.mainReason());
        List<AnswerToCorrect> listed = answers(interviewId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("insert into interview_correction (interview_id, analysis_id,"
                    + " sentiment, themes, main_reason, corrected_by, corrected_at) values (?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            insert.setObject(1, interviewId);
            insert.setLong(2, analysis.getId());
            insert.setString(3, sentiment.name());
            insert.setString(4, write(themes));
            insert.setString(5, mainReason == null ? null : mainReason.name());
            insert.setString(6, correctedBy);
            insert.setTimestamp(7, Timestamp.from(now));
            return insert;
        }, keys);
        long correctionId = keys.getKey().longValue();
        Map<Long, AnswerAnalysis> analysed = answerAnalyses.currentByMessage(
                AnalysisService.answersOf(transcripts.threads(interviewId)));
        for (int i = 0; i < listed.size(); i++) {
            AnswerResult result = analysed.get(listed.get(i).messageId()).result();
            jdbc.update("insert into answer_correction (interview_correction_id, message_id, analysis_sentiment,"
                    + " analysis_themes, analysis_model, analysis_prompt_version, analysis_fallback, analysis_created_at,"
                    + " sentiment, themes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", correctionId, listed.get(i).messageId(),
                    result.sentiment().name(), write(themes(result.themesJson())), result.model(), result.promptVersion(),
                    result.fallback(), Timestamp.from(result.createdAt()), sentiment(answers.get(i).sentiment()).name(),
                    write(themes(answers.get(i).themes())));
        }
        return true;
    }

    /**
     * Whether these labels differ from what the current analyses say (a label left empty where the analysis could
     * not tell is no change); labels that are not valid count as changes, for {@link #problems} to report.
     */
    @Transactional(readOnly = true)
    public boolean changes(UUID interviewId, Labels interview, List<Labels> answers) {
        InterviewAnalysis analysis = interviewAnalyses.findFirstByInterviewIdOrderByIdDesc(interviewId).orElse(null);
        List<AnswerToCorrect> listed = answers(interviewId);
        if (analysis == null || answers.size() != listed.size()) {
            return true;
        }
        boolean changed = !same(analysis.getSentiment(), interview.sentiment())
                || !same(themes(analysis.getThemesJson()), interview.themes())
                || !java.util.Objects.equals(analysis.getMainReason() == null ? null : analysis.getMainReason().code(),
                        interview.mainReason());
        for (int i = 0; i < listed.size(); i++) {
            changed |= !same(listed.get(i).sentiment(), answers.get(i).sentiment())
                    || !same(themeSet(listed.get(i).themes()), answers.get(i).themes());
        }
        return changed;
    }

    private static boolean same(Sentiment analysed, String code) {
        return code == null ? analysed == Sentiment.UNKNOWN : analysed.code().equals(code);
    }

    private static boolean same(Set<Theme> analysed, List<String> codes) {
        return codes != null && analysed.stream().map(Theme::code).collect(Collectors.toSet())
                .equals(new java.util.HashSet<>(codes));
    }

    /** The newest correction of the interview, if HR made one. */
    @Transactional(readOnly = true)
    public java.util.Optional<InterviewCorrection> latest(UUID interviewId) {
        return jdbc.query("select analysis_id, sentiment, themes, main_reason, corrected_by, corrected_at"
                + " from interview_correction where interview_id = ? order by id desc", (rs, row) ->
                new InterviewCorrection(rs.getLong("analysis_id"), Sentiment.valueOf(rs.getString("sentiment")),
                        List.copyOf(read(rs.getString("themes"))), rs.getString("main_reason") == null ? null
                                : Theme.valueOf(rs.getString("main_reason")), rs.getString("corrected_by"),
                        rs.getTimestamp("corrected_at").toInstant()), interviewId).stream().findFirst();
    }

    /** How many interviews HR has corrected (their newest correction each). */
    @Transactional(readOnly = true)
    public int correctedInterviews() {
        return jdbc.queryForObject("select count(distinct interview_id) from interview_correction", Integer.class);
    }

    /**
     * Every item of every corrected interview (its newest correction) with what the corrected analysis said, and
     * what the fallback of this release says of the same words while they are there (unless the corrected analysis
     * is that fallback already).
     */
    @Transactional(readOnly = true)
    public List<CorrectedItem> items() {
        var items = new ArrayList<CorrectedItem>();
        Map<UUID, Long> newest = newestCorrections();
        for (var entry : newest.entrySet()) {
            UUID interviewId = entry.getKey();
            Interview interview = interviews.findById(interviewId).orElseThrow();
            String language = interview.getLocale();
            jdbc.query("select c.sentiment, c.themes, a.sentiment as a_sentiment, a.themes as a_themes, a.model,"
                    + " a.prompt_version, a.fallback from interview_correction c join interview_analysis a"
                    + " on a.id = c.analysis_id where c.id = ?", (ResultSet rs) -> {
                        items.add(new CorrectedItem(interviewId, language, Level.INTERVIEW, rs.getString("model"),
                                rs.getString("prompt_version"), rs.getBoolean("fallback"), false,
                                Sentiment.valueOf(rs.getString("a_sentiment")), themes(rs.getString("a_themes")),
                                Sentiment.valueOf(rs.getString("sentiment")), read(rs.getString("themes"))));
                    }, entry.getValue());
            var hrByMessage = new LinkedHashMap<Long, CorrectedItem>();
            jdbc.query("select message_id, analysis_sentiment, analysis_themes, analysis_model, analysis_prompt_version,"
                    + " analysis_fallback, sentiment, themes from answer_correction where interview_correction_id = ?"
                    + " order by message_id", (ResultSet rs) -> {
                        var item = new CorrectedItem(interviewId, language, Level.ANSWER, rs.getString("analysis_model"),
                                rs.getString("analysis_prompt_version"), rs.getBoolean("analysis_fallback"), false,
                                Sentiment.valueOf(rs.getString("analysis_sentiment")), read(rs.getString("analysis_themes")),
                                Sentiment.valueOf(rs.getString("sentiment")), read(rs.getString("themes")));
                        items.add(item);
                        hrByMessage.put(rs.getLong("message_id"), item);
                    }, entry.getValue());
            items.addAll(recomputedFallback(interviewId, language, items, hrByMessage));
        }
        return items;
    }

    /** The answers HR corrected, their words as stored now and HR's labels, in order; anonymous interviews never. */
    @Transactional(readOnly = true)
    public List<CorrectedAnswer> correctedAnswers() {
        var answers = new ArrayList<CorrectedAnswer>();
        for (var entry : newestCorrections().entrySet()) {
            Interview interview = interviews.findById(entry.getKey()).orElseThrow();
            if (interview.getVisibility() == Visibility.ANONYMOUS) {
                continue;
            }
            jdbc.query("select c.message_id, c.sentiment, c.themes, m.question_id, m.text from answer_correction c"
                    + " join interview_message m on m.id = c.message_id where c.interview_correction_id = ?"
                    + " order by c.message_id", (ResultSet rs) -> {
                        if (rs.getString("text") != null && !rs.getString("text").isBlank()) {
                            answers.add(new CorrectedAnswer(interview.getId(), rs.getLong("message_id"),
                                    rs.getString("question_id"), interview.getLocale(), rs.getString("text"),
                                    Sentiment.valueOf(rs.getString("sentiment")), List.copyOf(read(rs.getString("themes")))));
                        }
                    }, entry.getValue());
        }
        return answers;
    }

    private List<CorrectedItem> recomputedFallback(UUID interviewId, String language, List<CorrectedItem> items,
            Map<Long, CorrectedItem> hrByMessage) {
        var recomputed = new ArrayList<CorrectedItem>();
        List<QuestionThread> threads = transcripts.threads(interviewId);
        var insights = new LinkedHashMap<Message, AnswerInsight>();
        for (Message answer : AnalysisService.answersOf(threads)) {
            if (answer.getText() == null || answer.getText().isBlank()) {
                return List.of();
            }
            insights.put(answer, answerAnalyses.byFallback(answer.getText(), language));
        }
        if (insights.isEmpty()) {
            return List.of();
        }
        insights.forEach((answer, insight) -> {
            CorrectedItem hr = hrByMessage.get(answer.getId());
            if (hr != null && !isCurrentFallback(hr)) {
                recomputed.add(new CorrectedItem(interviewId, language, Level.ANSWER, FallbackAnalyzer.MODEL,
                        FallbackAnalyzer.VERSION, true, true, insight.sentiment(), evidenced(insight.themes()),
                        hr.hrSentiment(), hr.hrThemes()));
            }
        });
        items.stream().filter(i -> i.interviewId().equals(interviewId) && i.level() == Level.INTERVIEW
                && !isCurrentFallback(i)).findFirst().ifPresent(hr -> {
                    InterviewVerdict verdict = FallbackVerdict.of(threads, insights);
                    recomputed.add(new CorrectedItem(interviewId, language, Level.INTERVIEW, FallbackAnalyzer.MODEL,
                            FallbackAnalyzer.VERSION, true, true, verdict.sentiment(), evidenced(verdict.themes()),
                            hr.hrSentiment(), hr.hrThemes()));
                });
        return recomputed;
    }

    private static boolean isCurrentFallback(CorrectedItem item) {
        return item.model().equals(FallbackAnalyzer.MODEL) && item.promptVersion().equals(FallbackAnalyzer.VERSION);
    }

    private Map<UUID, Long> newestCorrections() {
        var newest = new LinkedHashMap<UUID, Long>();
        jdbc.query("select interview_id, max(id) as id from interview_correction group by interview_id"
                + " order by min(id)", (ResultSet rs) -> {
                    newest.put(rs.getObject("interview_id", UUID.class), rs.getLong("id"));
                });
        return newest;
    }

    private static void check(String sentimentField, String themesField, Labels labels, List<FieldError> problems) {
        if (labels.sentiment() == null || SENTIMENTS.stream().noneMatch(s -> s.code().equals(labels.sentiment()))) {
            problems.add(new FieldError(sentimentField, "must be one of " + SENTIMENTS.stream().map(Sentiment::code)
                    .collect(Collectors.joining(", "))));
        }
        if (labels.themes() == null) {
            problems.add(new FieldError(themesField, "must be a list of theme codes"));
        } else {
            labels.themes().stream().filter(code -> theme(code) == null).findFirst().ifPresent(unknown ->
                    problems.add(new FieldError(themesField, "has an unknown theme '" + unknown + "': must be one of "
                            + Theme.codes())));
        }
    }

    private static Theme theme(String code) {
        return Theme.ofCode(code).orElse(null);
    }

    private static Sentiment sentiment(String code) {
        return Sentiment.valueOf(code.toUpperCase(Locale.ROOT));
    }

    private static Set<Theme> themeSet(List<Theme> themes) {
        return themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes);
    }

    private static Set<Theme> themes(List<String> codes) {
        var themes = EnumSet.noneOf(Theme.class);
        codes.forEach(code -> themes.add(theme(code)));
        return themes;
    }

    private static Set<Theme> evidenced(List<ThemeEvidence> evidence) {
        var themes = EnumSet.noneOf(Theme.class);
        evidence.forEach(e -> themes.add(e.theme()));
        return themes;
    }

    private Set<Theme> themes(String evidenceJson) {
        return json.themeCodes(evidenceJson);
    }

    private Set<Theme> read(String codesJson) {
        return json.themeList(codesJson);
    }

    private String write(Set<Theme> themes) {
        return json.write(themes);
    }

}
