package org.exitbot.analysis;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.exitbot.interview.InterviewStatus;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InterviewAnalysisRepository extends JpaRepository<InterviewAnalysis, Long> {

    Optional<InterviewAnalysis> findFirstByInterviewIdOrderByIdDesc(UUID interviewId);

    List<InterviewAnalysis> findByInterviewIdOrderByIdDesc(UUID interviewId);

    /**
     * Interviews whose conversation is over and whose current analysis, or the analysis of one of whose answers,
     * the fallback made: oldest first.
     */
    @Query("""
            select i.id from Interview i
            where i.status not in :open and i.anonymisedAt is null and (
              exists (select a.id from InterviewAnalysis a
                      where a.interviewId = i.id and a.fallback = true
                        and a.id = (select max(b.id) from InterviewAnalysis b where b.interviewId = i.id))
              or exists (select aa.messageId from AnswerAnalysis aa, Message m
                         where aa.messageId = m.id and m.interviewId = i.id and aa.result.fallback = true))
            order by i.createdAt, i.id""")
    List<UUID> findAnalysedByFallback(@Param("open") Collection<InterviewStatus> open, Pageable page);
}
