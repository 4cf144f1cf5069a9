package org.exitbot.interview;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MessageRepository extends JpaRepository<Message, Long> {

    List<Message> findByInterviewIdOrderByIdAsc(UUID interviewId);

    List<Message> findByInterviewIdAndQuestionNumberOrderByIdAsc(UUID interviewId, Integer questionNumber);

    long countByInterviewIdAndKind(UUID interviewId, MessageKind kind);

    void deleteByInterviewId(UUID interviewId);
}
