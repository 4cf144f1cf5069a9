package org.exitbot.chat;

import java.util.Map;
import java.util.Optional;
import org.exitbot.conversation.Awaiting;
import org.exitbot.conversation.Conversation;
import org.exitbot.conversation.StaleReplyException;
import org.exitbot.interview.Interview;
import org.exitbot.interview.Transcripts;
import org.exitbot.interview.Visibility;
import org.exitbot.privacy.Erasure;
import org.exitbot.privacy.PrivacyProperties;
import org.exitbot.questions.QuestionSetService;
import org.exitbot.system.ConflictException;
import org.exitbot.system.ExitBotProperties;
import org.exitbot.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The employee's side, authorised by the link token alone; the conversation itself is {@link Conversation}'s. */
@Service
public class ChatService {

    private final ChatLinks links;
    private final Conversation conversation;
    private final Transcripts transcripts;
    private final QuestionSetService questionSets;
    private final Erasure erasure;
    private final PrivacyProperties privacy;
    private final ExitBotProperties properties;

    ChatService(ChatLinks links, Conversation conversation, Transcripts transcripts, QuestionSetService questionSets,
            Erasure erasure, PrivacyProperties privacy, ExitBotProperties properties) {
        this.links = links;
        this.conversation = conversation;
        this.transcripts = transcripts;
        this.questionSets = questionSets;
        this.erasure = erasure;
        this.privacy = privacy;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public ChatState state(String token) {
        return state(links.usable(token));
    }

    /** The interview a still usable link opens, for the page and the event stream. */
    @Transactional(readOnly = true)
    public Interview open(String token) {
        return links.usable(token);
    }

    @Transactional
    public ChatState consent(String token, Visibility visibility) {
        Interview interview = conversing(token);
        conversation.consent(interview.getId(), visibility);
        return state(interview);
    }

    /**
     * @param inReplyTo the question or follow-up answered ({@link ChatState.Awaiting#messageId()}); when the
     *                  conversation has moved on from it, a 409 that carries the current state, and nothing is stored
     */
    @Transactional
    public ChatState answer(String token, Long inReplyTo, String text) {
        Interview interview = conversing(token);
        if (inReplyTo == null) {
            throw new InvalidInputException("inReplyTo", "is required: the id of the question or follow-up this "
                    + "answers (awaiting.messageId of the chat state)");
        }
        try {
            conversation.submitAnswer(interview.getId(), inReplyTo, text);
        } catch (StaleReplyException stale) {
            throw withState(stale, interview);
        }
        return state(interview);
    }

    /** @param inReplyTo the question or follow-up skipped, checked as an answer's; null skips whatever is asked */
    @Transactional
    public ChatState skip(String token, Long inReplyTo) {
        Interview interview = conversing(token);
        try {
            conversation.skip(interview.getId(), inReplyTo);
        } catch (StaleReplyException stale) {
            throw withState(stale, interview);
        }
        return state(interview);
    }

    private ConflictException withState(StaleReplyException stale, Interview interview) {
        return new ConflictException(stale.title(), stale.getMessage(), Map.of("state", state(interview)));
    }

    /** Stops the interview; before the introduction is accepted this declines taking part. */
    @Transactional
    public ChatState stop(String token) {
        Interview interview = conversing(token);
        conversation.stop(interview.getId());
        return state(interview);
    }

    /** The employee withdraws: the interview is erased, whatever its state, while the link still works. */
    @Transactional
    public void erase(String token) {
        erasure.erase(links.usable(token).getId(), Erasure.EMPLOYEE);
    }

    @Transactional
    public ChatState edit(String token, Long messageId, String text) {
        Interview interview = conversing(token);
        conversation.correctAnswer(interview.getId(), messageId, text);
        return state(interview);
    }

    @Transactional
    public ChatState finish(String token) {
        Interview interview = conversing(token);
        conversation.finish(interview.getId());
        return state(interview);
    }

    @Transactional
    public ChatState correctStatement(String token, int position, String text, int version) {
        Interview interview = conversing(token);
        conversation.correctStatement(interview.getId(), position, text, version);
        return state(interview);
    }

    @Transactional
    public ChatState removeStatement(String token, int position, int version) {
        Interview interview = conversing(token);
        conversation.removeStatement(interview.getId(), position, version);
        return state(interview);
    }

    /** @param removed false to put the theme back */
    @Transactional
    public ChatState removeTheme(String token, String themeCode, boolean removed, int version) {
        Interview interview = conversing(token);
        conversation.removeTheme(interview.getId(), themeCode, removed, version);
        return state(interview);
    }

    @Transactional
    public ChatState confirmSummary(String token, int version) {
        Interview interview = conversing(token);
        conversation.confirmSummary(interview.getId(), version);
        return state(interview);
    }

    private Interview conversing(String token) {
        Interview interview = links.usable(token);
        if (!interview.getStatus().isConversationOpen()) {
            throw new ConflictException("Interview finished",
                    "This interview is " + interview.getStatus().code() + " and takes no more answers.");
        }
        return interview;
    }

    private ChatState state(Interview interview) {
        Conversation.Moment now = interview.getStatus().isConversationOpen() ? conversation.now(interview.getId())
                : new Conversation.Moment(transcripts.messages(interview.getId()), Optional.empty());
        Awaiting awaiting = now.awaiting().orElse(null);
        var messages = now.messages();
        int questionCount = questionSets.byId(interview.getQuestionSetId()).size();
        return new ChatState(interview.getStatus(), properties.organisationName(), interview.getLocale(),
                interview.getExpiresAt(), interview.getConsentedAt() != null, interview.getVisibility(),
                privacy.employeeChoosesVisibility(), questionCount,
                messages.stream().map(m -> new ChatState.ChatMessage(m.getId(), m.getRole(), m.getKind(),
                        m.getQuestionNumber(), m.getText(), m.getCreatedAt(), m.getEditedAt() != null)).toList(),
                awaiting == null ? null : new ChatState.Awaiting(awaiting.kind(),
                        awaiting.isAfterLastQuestion() ? questionCount : awaiting.questionNumber(), questionCount,
                        awaiting.promptId()),
                awaiting != null && awaiting.isAfterLastQuestion() ? conversation.summary(interview.getId()).orElse(null)
                        : null);
    }
}
