package org.exitbot.analysis;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface InterviewAnalysisRepository extends JpaRepository<InterviewAnalysis, Long> {

    Optional<InterviewAnalysis> findFirstByInterviewIdOrderByIdDesc(UUID interviewId);
}
