package org.exitbot.analysis;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * Asks the LLM for the verdict on a whole interview (sentiment, themes with quotes, summary, main reason), and in
 * the same call for the sentiment and themes of the replies asked for, and checks it: invented quotes are dropped,
 * summary statements the employee's words do not back are flagged.
 */
@Component
class InterviewAnalyst {

    static final String PROMPT = "analysis";
    static final String PROMPT_VERSION = "v3";

    private final StructuredLlm llm;
    private final Prompts prompts;
    private final ExitBotProperties properties;

    InterviewAnalyst(StructuredLlm llm, Prompts prompts, ExitBotProperties properties) {
        this.llm = llm;
        this.prompts = prompts;
        this.properties = properties;
    }

    /**
     * The verdict, and the insights into the replies of {@code replies} the model judged (those it left out are
     * missing from the map).
     */
    record Judged(LlmAnswer<InterviewVerdict> verdict, Map<Message, LlmAnswer<AnswerInsight>> answers) {
    }

    /**
     * @param replies    the answers to judge one by one as well
     * @param answeredBy when the answer must have come, else null
     */
    Judged judge(String locale, List<QuestionThread> threads, Collection<Message> replies, Instant answeredBy) {
        Map<Message, String> labels = new IdentityHashMap<>();
        replies.forEach(reply -> labels.putIfAbsent(reply, "A" + (labels.size() + 1)));
        var values = Map.of(
                "organisation", properties.organisationName(),
                "language", Locale.forLanguageTag(locale).getDisplayLanguage(Locale.ENGLISH),
                "transcript", transcript(threads, labels),
                "maxSummaryWords", InterviewJudgement.MAX_SUMMARY_WORDS);
        LlmAnswer<InterviewJudgement> answer = llm.ask(prompts.get(PROMPT, PROMPT_VERSION), values,
                InterviewJudgement.class, answeredBy);
        return new Judged(verdict(locale, threads, answer), insights(replies, labels, answer));
    }

    private LlmAnswer<InterviewVerdict> verdict(String locale, List<QuestionThread> threads,
            LlmAnswer<InterviewJudgement> answer) {
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

    /** A label the model gave twice counts once, the first; one the transcript has not is ignored. */
    private static Map<Message, LlmAnswer<AnswerInsight>> insights(Collection<Message> replies, Map<Message, String> labels,
            LlmAnswer<InterviewJudgement> answer) {
        Map<String, AnswerJudgement> judged = new HashMap<>();
        Optional.ofNullable(answer.value().answers()).orElse(List.of())
                .forEach(judgement -> judged.putIfAbsent(judgement.reply().strip(), judgement));
        var insights = new LinkedHashMap<Message, LlmAnswer<AnswerInsight>>();
        for (Message reply : replies) {
            AnswerJudgement judgement = judged.get(labels.get(reply));
            if (judgement != null) {
                insights.put(reply, new LlmAnswer<>(new AnswerInsight(judgement.sentiment(), judgement.score(),
                        Quotes.keepVerbatim(judgement.themes(), reply.getText())), answer.model(), answer.promptVersion()));
            }
        }
        return insights;
    }

    private static String transcript(List<QuestionThread> threads, Map<Message, String> labels) {
        return threads.stream()
                .map(thread -> "Question " + thread.questionNumber() + ": " + thread.question() + "\n"
                        + thread.messages().stream().skip(1).map(message -> line(message, labels))
                                .filter(line -> !line.isEmpty()).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n\n"));
    }

    private static String line(Message message, Map<Message, String> labels) {
        return switch (message.getKind()) {
            case ANSWER -> "Employee" + Optional.ofNullable(labels.get(message)).map(l -> " [" + l + "]").orElse("")
                    + ": <employee_text>" + DelimitedText.defuse(message.getText()) + "</employee_text>";
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
