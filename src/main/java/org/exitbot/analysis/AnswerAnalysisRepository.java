package org.exitbot.analysis;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AnswerAnalysisRepository extends JpaRepository<AnswerAnalysis, Long> {

    List<AnswerAnalysis> findByMessageIdIn(Collection<Long> messageIds);
}
