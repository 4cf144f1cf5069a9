package org.exitbot.interview;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MessageRevisionRepository extends JpaRepository<MessageRevision, Long> {

    List<MessageRevision> findByMessageIdOrderByIdAsc(Long messageId);

    List<MessageRevision> findByMessageIdIn(java.util.Collection<Long> messageIds);
}
