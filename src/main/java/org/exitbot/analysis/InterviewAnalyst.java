package org.exitbot.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.exitbot.interview.Message;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.MessageRole;
import org.exitbot.interview.QuestionThread;
import org.exitbot.llm.DelimitedText;
import org.exitbot.llm.LlmAnswer;
import org.exitbot.llm.Prompts;
import org.exitbot.llm.StructuredLlm;
import org.exitbot.system.ExitBotProperties;
import org.springframework.stereotype.Component;

/**
 * Asks the LLM for the verdict on a whole interview (sentiment, themes with quotes, summary, main reason) and
 * checks it: invented quotes are dropped, summary statements the employee's words do not back are flagged.
 */
@Component
class InterviewAnalyst {

    static final String PROMPT = "analysis";
    static final String PROMPT_VERSION = "v2";

    private final StructuredLlm llm;
    private final Prompts prompts;
    private final ExitBotProperties properties;

    InterviewAnalyst(StructuredLlm llm, Prompts prompts, ExitBotProperties properties) {
        this.llm = llm;
        this.prompts = prompts;
        this.properties = properties;
    }

    /** @param answeredBy when the answer must have come, else null */
    LlmAnswer<InterviewVerdict> judge(String locale, List<QuestionThread> threads, java.time.Instant answeredBy) {
        var values = Map.of(
                "organisation", properties.organisationName(),
                "language", Locale.forLanguageTag(locale).getDisplayLanguage(Locale.ENGLISH),
                "transcript", transcript(threads),
                "maxSummaryWords", InterviewJudgement.MAX_SUMMARY_WORDS);
        LlmAnswer<InterviewJudgement> answer = llm.ask(prompts.get(PROMPT, PROMPT_VERSION), values,
                InterviewJudgement.class, answeredBy);
        InterviewJudgement judgement = answer.value();
        String employeeText = threads.stream().flatMap(t -> t.answers().stream()).map(Message::getText)
                .collect(Collectors.joining("\n"));
        String botText = threads.stream().flatMap(t -> t.messages().stream())
                .filter(m -> m.getRole() == MessageRole.BOT).map(Message::getText)
                .collect(Collectors.joining("\n", properties.organisationName() + "\n", ""));
        var flags = SummaryCheck.flags(judgement.summary(), employeeText,
                Locale.forLanguageTag(locale).getLanguage(), botText);
        var statements = new java.util.ArrayList<>(judgement.summary().stream().map(s -> sentence(s.statement())).toList());
        statements.addAll(conversationNote(threads));
        var verdict = new InterviewVerdict(judgement.sentiment(), judgement.score(), String.join(" ", statements),
                judgement.mainReason(), Quotes.keepVerbatim(judgement.themes(), employeeText), flags, statements);
        return new LlmAnswer<>(verdict, answer.model(), answer.promptVersion());
    }

    private static String transcript(List<QuestionThread> threads) {
        return threads.stream()
                .map(thread -> "Question " + thread.questionNumber() + ": " + thread.question() + "\n"
                        + thread.messages().stream().skip(1).map(InterviewAnalyst::line).filter(line -> !line.isEmpty())
                                .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n\n"));
    }

    private static String line(Message message) {
        return switch (message.getKind()) {
            case ANSWER -> "Employee: <employee_text>" + DelimitedText.defuse(message.getText()) + "</employee_text>";
            case FOLLOW_UP, SCRIPTED_FOLLOW_UP -> "Follow-up: " + message.getText();
            case SKIPPED -> "Employee: (skipped this question)";
            case STOPPED -> "Employee: (stopped the interview here)";
            case WELCOME, QUESTION, FOLLOW_UP_SKIPPED, ACKNOWLEDGEMENT, CLOSING -> "";
        };
    }

    private static String sentence(String statement) {
        String stripped = statement.strip();
        return stripped.matches(".*[.!?…]$") ? stripped : stripped + ".";
    }

    /** Skips and stops are facts of the transcript, so the code states them rather than the LLM. */
    private static List<String> conversationNote(List<QuestionThread> threads) {
        long skipped = threads.stream().filter(t -> has(t, MessageKind.SKIPPED)).count();
        var note = new java.util.ArrayList<String>();
        if (skipped > 0) {
            note.add("The employee skipped " + skipped + (skipped == 1 ? " question." : " questions."));
        }
        threads.stream().filter(t -> has(t, MessageKind.STOPPED)).findFirst().ifPresent(t -> note
                .add("The employee stopped the interview at question " + t.questionNumber() + '.'));
        return note;
    }

    private static boolean has(QuestionThread thread, MessageKind kind) {
        return thread.messages().stream().anyMatch(m -> m.getKind() == kind);
    }
}
