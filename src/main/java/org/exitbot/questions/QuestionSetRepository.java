package org.exitbot.questions;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface QuestionSetRepository extends JpaRepository<QuestionSet, Long> {

    Optional<QuestionSet> findFirstByNameAndLocaleOrderByVersionDesc(String name, String locale);

    boolean existsByName(String name);
}
