package org.exitbot.analysis;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.exitbot.llm.DelimitedText;
import org.exitbot.llm.LlmAnswer;
import org.exitbot.llm.Prompts;
import org.exitbot.llm.StructuredLlm;
import org.exitbot.system.ExitBotProperties;
import org.springframework.stereotype.Component;

/**
 * Asks the LLM for the sentiment and themes of one reply, without the follow-up decision: for answers the
 * fallback analysed while the LLM was away.
 */
@Component
class AnswerAnalyst {

    static final String PROMPT = "answer-analysis";
    static final String PROMPT_VERSION = "v1";

    private final StructuredLlm llm;
    private final Prompts prompts;
    private final ExitBotProperties properties;

    AnswerAnalyst(StructuredLlm llm, Prompts prompts, ExitBotProperties properties) {
        this.llm = llm;
        this.prompts = prompts;
        this.properties = properties;
    }

    /** @param answeredBy when the answer must have come, else null */
    LlmAnswer<AnswerInsight> analyse(String locale, String question, String reply, Instant answeredBy) {
        var values = Map.of(
                "organisation", properties.organisationName(),
                "language", Locale.forLanguageTag(locale).getDisplayLanguage(Locale.ENGLISH),
                "question", question,
                "reply", DelimitedText.defuse(reply));
        LlmAnswer<AnswerJudgement> answer = llm.ask(prompts.get(PROMPT, PROMPT_VERSION), values, AnswerJudgement.class,
                answeredBy);
        AnswerJudgement judgement = answer.value();
        var insight = new AnswerInsight(judgement.sentiment(), judgement.score(),
                Quotes.keepVerbatim(judgement.themes(), reply));
        return new LlmAnswer<>(insight, answer.model(), answer.promptVersion());
    }
}
