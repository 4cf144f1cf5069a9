package org.exitbot.interview;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface InterviewRepository extends JpaRepository<Interview, UUID>, JpaSpecificationExecutor<Interview> {

    boolean existsByOpenEmployeeId(String employeeId);

    // Every employee request runs this. A derived query is built as a criteria query, which Hibernate translates to
    // SQL anew each time; a query string is translated once and kept in Hibernate's query plan cache.
    @Query("select i from Interview i where i.linkHash = :linkHash")
    Optional<Interview> findByLinkHash(String linkHash);

    Optional<Interview> findByErasureHash(String erasureHash);

    Optional<Interview> findByProcessInstanceId(String processInstanceId);

    long countByDemo(boolean demo);

    @Query("select i.id from Interview i where i.demo = true order by i.createdAt")
    List<UUID> findDemoIds();

    List<Interview> findByEmployeeIdAndLastWorkingDay(String employeeId, LocalDate lastWorkingDay);
}
