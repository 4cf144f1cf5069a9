package org.exitbot.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.exitbot.analysis.FallbackAnalyzer;
import org.exitbot.analysis.Theme;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewProperties;
import org.exitbot.interview.Message;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.QuestionThread;
import org.exitbot.interview.Transcripts;
import org.exitbot.questions.QuestionSetService;
import org.exitbot.questions.ScriptedFollowUps;
import org.exitbot.questions.ScriptedFollowUps.ThemeFollowUp;
import org.springframework.stereotype.Component;

/**
 * The follow-up while the LLM is unavailable, from the interview's question set: "say more" for a short or vague
 * reply (once per question), else the probe of the first theme the reply mentions that has not been probed in this
 * interview, found by the fallback analysis' phrases; else, or once the cap is reached, the acknowledgement of the
 * theme the question's replies mentioned first, or the plain one.
 */
@Component
class ScriptedFollowUpAdvisor {

    /** A reply of fewer words is short, whatever it says. */
    static final int SHORT_BELOW_WORDS = 8;
    /** A reply of fewer words that mentions no theme is vague. */
    static final int VAGUE_BELOW_WORDS = 15;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");

    private final FallbackAnalyzer themes;
    private final QuestionSetService questionSets;
    private final Transcripts transcripts;
    private final InterviewProperties properties;

    ScriptedFollowUpAdvisor(FallbackAnalyzer themes, QuestionSetService questionSets, Transcripts transcripts,
            InterviewProperties properties) {
        this.themes = themes;
        this.questionSets = questionSets;
        this.transcripts = transcripts;
        this.properties = properties;
    }

    /** The scripted follow-up or acknowledgement after the latest reply to question {@code number}, under the cap. */
    FollowUpDecision advise(Interview interview, int number, int followUpsAsked) {
        UUID interviewId = interview.getId();
        return advise(questionSets.byId(interview.getQuestionSetId()).followUps(), interview.getLocale(),
                transcripts.thread(interviewId, number), transcripts.messages(interviewId), followUpsAsked,
                properties.maxFollowUps());
    }

    /**
     * @param thread         this question's messages, ending with the reply to follow up
     * @param earlierPrompts what the bot said before in this interview, to probe each theme once
     */
    FollowUpDecision advise(ScriptedFollowUps script, String locale, QuestionThread thread,
            List<Message> earlierPrompts, int followUpsAsked, int maxFollowUps) {
        Message reply = thread.messages().get(thread.messages().size() - 1);
        List<Theme> mentioned = themes.themesMentioned(reply.getText(), locale);
        if (followUpsAsked < maxFollowUps) {
            int words = words(reply.getText());
            boolean shortOrVague = words < SHORT_BELOW_WORDS || (mentioned.isEmpty() && words < VAGUE_BELOW_WORDS);
            if (shortOrVague && !asked(thread.messages(), script.sayMore())) {
                return FollowUpDecision.askScripted(script.sayMore());
            }
            for (Theme theme : mentioned) {
                ThemeFollowUp probe = script.themes().get(theme.code());
                if (probe != null && !asked(earlierPrompts, probe.probe())) {
                    return FollowUpDecision.askScripted(probe.probe());
                }
            }
        }
        return FollowUpDecision.acknowledge(acknowledgement(script, locale, thread));
    }

    private String acknowledgement(ScriptedFollowUps script, String locale, QuestionThread thread) {
        var replies = new ArrayList<>(thread.answers());
        Collections.reverse(replies);
        return replies.stream()
                .flatMap(reply -> themes.themesMentioned(reply.getText(), locale).stream())
                .map(theme -> script.themes().get(theme.code()))
                .filter(Objects::nonNull)
                .map(ThemeFollowUp::acknowledgement)
                .findFirst()
                .orElse(script.acknowledgement());
    }

    private static boolean asked(List<Message> messages, String prompt) {
        return messages.stream().anyMatch(m -> m.getKind() == MessageKind.SCRIPTED_FOLLOW_UP
                && m.getText().equals(prompt));
    }

    /** Words: runs of letters or digits, so punctuation and emoji count for none. */
    static int words(String text) {
        return (int) WORD.matcher(text).results().count();
    }
}
