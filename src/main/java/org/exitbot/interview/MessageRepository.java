package org.exitbot.interview;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MessageRepository extends JpaRepository<Message, Long> {

    // Read several times per answer: query strings, which Hibernate translates to SQL once (see InterviewRepository)
    @Query("select m from Message m where m.interviewId = :interviewId order by m.id")
    List<Message> findByInterviewIdOrderByIdAsc(UUID interviewId);

    @Query("select m from Message m where m.interviewId = :interviewId and m.questionNumber = :questionNumber order by m.id")
    List<Message> findByInterviewIdAndQuestionNumberOrderByIdAsc(UUID interviewId, Integer questionNumber);

    long countByInterviewIdAndKind(UUID interviewId, MessageKind kind);

    void deleteByInterviewId(UUID interviewId);
}
