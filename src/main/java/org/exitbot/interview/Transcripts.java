package org.exitbot.interview;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.exitbot.system.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** An interview's messages: read whole or grouped by question, added to, and corrected. */
@Component
public class Transcripts {

    private final MessageRepository messages;
    private final MessageRevisionRepository revisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Transcripts(MessageRepository messages, MessageRevisionRepository revisions, ApplicationEventPublisher events,
            Clock clock) {
        this.messages = messages;
        this.revisions = revisions;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Message> messages(UUID interviewId) {
        return messages.findByInterviewIdOrderByIdAsc(interviewId);
    }

    @Transactional(readOnly = true)
    public List<QuestionThread> threads(UUID interviewId) {
        var byNumber = new LinkedHashMap<Integer, List<Message>>();
        for (Message message : messages(interviewId)) {
            if (message.getQuestionNumber() != null) {
                byNumber.computeIfAbsent(message.getQuestionNumber(), n -> new ArrayList<>()).add(message);
            }
        }
        return byNumber.entrySet().stream()
                .map(e -> new QuestionThread(e.getKey(), e.getValue().get(0).getQuestionId(), List.copyOf(e.getValue())))
                .toList();
    }

    @Transactional(readOnly = true)
    public QuestionThread thread(UUID interviewId, int questionNumber) {
        var thread = messages.findByInterviewIdAndQuestionNumberOrderByIdAsc(interviewId, questionNumber);
        if (thread.isEmpty()) {
            throw new IllegalStateException("Question " + questionNumber + " of " + interviewId + " was never asked");
        }
        return new QuestionThread(questionNumber, thread.get(0).getQuestionId(), thread);
    }

    /** Adds a message now; open chat pages hear of it once it commits. */
    @Transactional
    public Message add(UUID interviewId, MessageKind kind, Integer questionNumber, String questionId, String text,
            String recordedBy) {
        Message message = messages.save(new Message(interviewId, kind, questionNumber, questionId, text, recordedBy,
                clock.instant()));
        events.publishEvent(new ConversationChanged(interviewId));
        return message;
    }

    /**
     * Corrects one of the interview's answers, keeping the earlier wording as a revision.
     *
     * @return whether the text changed
     * @throws InvalidInputException when the message is not an answer of this interview
     */
    @Transactional
    public boolean correct(UUID interviewId, Long messageId, String text) {
        Message answer = messages.findById(messageId)
                .filter(m -> m.getInterviewId().equals(interviewId) && m.getKind() == MessageKind.ANSWER)
                .orElseThrow(() -> new InvalidInputException("messageId", "is not one of your answers"));
        if (text.equals(answer.getText())) {
            return false;
        }
        revisions.save(new MessageRevision(messageId, answer.getText(), clock.instant()));
        answer.edit(text, clock.instant());
        events.publishEvent(new ConversationChanged(interviewId));
        return true;
    }
}
