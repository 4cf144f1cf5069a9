package org.exitbot.interview;

import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.analysis.AnalysisView;
import org.springframework.stereotype.Component;

/**
 * Puts what {@code forms/hr-review.form} shows onto the review task as task-local variables: the summary,
 * sentiment, themes with quotes, the transcript and the flags HR must see; and the date the review is due.
 */
@Component
class PrepareReviewListener implements TaskListener {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final InterviewRepository interviews;
    private final Transcripts transcripts;
    private final AnalysisService analyses;
    private final ObjectMapper objectMapper;
    private final InterviewProperties properties;
    private final Clock clock;

    PrepareReviewListener(InterviewRepository interviews, Transcripts transcripts, AnalysisService analyses,
            ObjectMapper objectMapper, InterviewProperties properties, Clock clock) {
        this.interviews = interviews;
        this.transcripts = transcripts;
        this.analyses = analyses;
        this.objectMapper = objectMapper;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        var id = ExitInterviewProcess.interviewId(task);
        Interview interview = interviews.findById(id).orElseThrow();
        AnalysisView analysis = analyses.current(id).orElse(null);
        boolean anonymous = interview.getVisibility() == Visibility.ANONYMOUS;
        task.setVariableLocal("employee", anonymous ? "Anonymous (the employee chose not to be named)"
                : interview.getName() + " (" + interview.getEmployeeId() + ")");
        task.setVariableLocal("department", interview.getDepartment());
        task.setVariableLocal("lastWorkingDay", interview.getLastWorkingDay().toString());
        task.setVariableLocal("interviewStatus", interview.getStatus().code());
        task.setVariableLocal("flags", String.join(" · ", flags(interview, analysis)));
        task.setVariableLocal("summary", analysis == null ? "" : analysis.summary());
        task.setVariableLocal("sentiment", analysis == null ? "" : sentiment(analysis));
        task.setVariableLocal("mainReason", analysis == null || analysis.mainReason() == null ? ""
                : analysis.mainReason().code().replace('_', ' '));
        task.setVariableLocal("themes", json(analysis == null ? List.of() : analysis.themes().stream()
                .map(t -> Map.of("theme", t.theme().code().replace('_', ' '), "quote", t.quote()))
                .toList()));
        task.setVariableLocal("transcript", json(transcripts.messages(id).stream()
                .map(m -> Map.of("who", who(m), "text", shown(m), "at", TIME.format(m.getCreatedAt())))
                .toList()));
        task.setDescription("Exit interview, " + interview.getDepartment() + ", last day " + interview.getLastWorkingDay());
        task.setDueDate(Date.from(clock.instant().plus(properties.reviewWithin())));
    }

    private static List<String> flags(Interview interview, AnalysisView analysis) {
        var flags = new ArrayList<String>();
        if (interview.isLlmFallback() || analysis != null && analysis.fallback()) {
            flags.add("LLM fallback used: no follow-ups after the failure, analysis by the fallback");
        }
        if (interview.getStatus() != InterviewStatus.COMPLETED) {
            flags.add("Interview incomplete");
        }
        if (interview.getStatus() == InterviewStatus.EXPIRED) {
            flags.add("Interview expired before the employee finished");
        }
        return flags;
    }

    private static String sentiment(AnalysisView analysis) {
        return analysis.score() == null ? analysis.sentiment().code()
                : String.format(Locale.ROOT, "%s (%+.2f)", analysis.sentiment().code(), analysis.score());
    }

    private static String who(Message message) {
        return message.getRole() == MessageRole.BOT ? "ExitBot" : "Employee";
    }

    private static String shown(Message message) {
        return switch (message.getKind()) {
            case SKIPPED -> "(skipped the question)";
            case STOPPED -> "(stopped the interview)";
            default -> message.getText();
        };
    }

    private org.camunda.spin.plugin.variable.value.JsonValue json(Object value) {
        try {
            return jsonValue(objectMapper.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
