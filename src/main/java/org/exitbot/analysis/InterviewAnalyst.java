package org.exitbot.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.exitbot.interview.Message;
import org.exitbot.interview.QuestionThread;
import org.exitbot.llm.DelimitedText;
import org.exitbot.llm.LlmAnswer;
import org.exitbot.llm.Prompts;
import org.exitbot.llm.StructuredLlm;
import org.exitbot.system.ExitBotProperties;
import org.springframework.stereotype.Component;

/** Asks the LLM for the verdict on a whole interview: sentiment, themes with quotes, summary, main reason. */
@Component
class InterviewAnalyst {

    static final String PROMPT = "analysis";
    static final String PROMPT_VERSION = "v1";

    private final StructuredLlm llm;
    private final Prompts prompts;
    private final ExitBotProperties properties;

    InterviewAnalyst(StructuredLlm llm, Prompts prompts, ExitBotProperties properties) {
        this.llm = llm;
        this.prompts = prompts;
        this.properties = properties;
    }

    LlmAnswer<InterviewVerdict> judge(String locale, List<QuestionThread> threads) {
        var values = Map.of(
                "organisation", properties.organisationName(),
                "language", Locale.forLanguageTag(locale).getDisplayLanguage(Locale.ENGLISH),
                "transcript", transcript(threads),
                "maxSummaryWords", InterviewVerdict.MAX_SUMMARY_WORDS);
        return llm.ask(prompts.get(PROMPT, PROMPT_VERSION), values, InterviewVerdict.class);
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
            case FOLLOW_UP -> "Follow-up: " + message.getText();
            case SKIPPED -> "Employee: (skipped this question)";
            case STOPPED -> "Employee: (stopped the interview here)";
            case WELCOME, QUESTION, CLOSING -> "";
        };
    }
}
