package org.exitbot.questions;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface QuestionSetRepository extends JpaRepository<QuestionSet, Long> {

    Optional<QuestionSet> findFirstByNameAndLocaleOrderByVersionDesc(String name, String locale);

    boolean existsByName(String name);

    boolean existsByNameAndLocale(String name, String locale);

    Optional<QuestionSet> findByNameAndLocaleAndVersion(String name, String locale, int version);

    @Query("""
            select s from QuestionSet s
            where s.version = (select max(t.version) from QuestionSet t where t.name = s.name and t.locale = s.locale)
            order by s.name, s.locale""")
    List<QuestionSet> findAllLatest();
}
