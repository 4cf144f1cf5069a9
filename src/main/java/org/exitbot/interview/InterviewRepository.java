package org.exitbot.interview;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface InterviewRepository extends JpaRepository<Interview, UUID>, JpaSpecificationExecutor<Interview> {

    boolean existsByOpenEmployeeId(String employeeId);

    Optional<Interview> findByLinkHash(String linkHash);

    Optional<Interview> findByErasureHash(String erasureHash);

    Optional<Interview> findByProcessInstanceId(String processInstanceId);

    List<Interview> findByEmployeeIdAndLastWorkingDay(String employeeId, LocalDate lastWorkingDay);
}
