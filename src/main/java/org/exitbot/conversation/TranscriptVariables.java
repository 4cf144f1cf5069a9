package org.exitbot.conversation;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.Message;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.MessageRole;
import org.exitbot.interview.Transcripts;
import org.exitbot.privacy.HrView;
import org.exitbot.system.JsonVariables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** JSON task variables for the Tasklist forms, which show JSON lists as tables. */
@Component
class TranscriptVariables {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** How HR's transcript marks what the bot said from the question set's script instead of the LLM. */
    static final String SCRIPTED_MARK = "[scripted] ";

    private final InterviewRepository interviews;
    private final Transcripts transcripts;
    private final JsonVariables json;

    TranscriptVariables(InterviewRepository interviews, Transcripts transcripts, JsonVariables json) {
        this.interviews = interviews;
        this.transcripts = transcripts;
        this.json = json;
    }

    /** The transcript of this interview, as HR may read it. */
    @Transactional(readOnly = true)
    JsonValue transcript(UUID interviewId) {
        return transcript(interviews.findById(interviewId).orElseThrow());
    }

    /**
     * The conversation as rows of {@code who}, {@code text} and {@code at}, as HR may read it: nothing of an
     * anonymous interview, whose words no task may show.
     */
    JsonValue transcript(Interview interview) {
        if (!HrView.showsWords(interview)) {
            return json(List.of());
        }
        return json(transcripts.messages(interview.getId()).stream()
                .map(m -> Map.of("who", m.getRole() == MessageRole.BOT ? "ExitBot" : "Employee",
                        "text", shown(m), "at", TIME.format(m.getCreatedAt())))
                .toList());
    }

    /** How many follow-ups the bot asked from the question set's script instead of the LLM. */
    int scriptedFollowUps(UUID interviewId) {
        return (int) transcripts.messages(interviewId).stream()
                .filter(m -> m.getKind() == MessageKind.SCRIPTED_FOLLOW_UP).count();
    }

    JsonValue json(Object value) {
        return json.json(value);
    }

    private static String shown(Message message) {
        return switch (message.getKind()) {
            case SKIPPED -> "(skipped the question)";
            case STOPPED -> "(stopped the interview)";
            case FOLLOW_UP_SKIPPED -> "(moved on without a follow-up: the LLM had not started one within the budget)";
            case SCRIPTED_FOLLOW_UP, ACKNOWLEDGEMENT -> SCRIPTED_MARK + message.getText();
            default -> message.getText();
        };
    }
}
