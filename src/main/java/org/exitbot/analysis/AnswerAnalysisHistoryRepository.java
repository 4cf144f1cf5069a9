package org.exitbot.analysis;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AnswerAnalysisHistoryRepository extends JpaRepository<AnswerAnalysisHistory, Long> {

    List<AnswerAnalysisHistory> findByMessageIdOrderByIdDesc(Long messageId);
}
