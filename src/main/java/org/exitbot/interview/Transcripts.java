package org.exitbot.interview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads an interview's messages, whole or grouped by question. */
@Component
public class Transcripts {

    private final MessageRepository messages;

    Transcripts(MessageRepository messages) {
        this.messages = messages;
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
}
