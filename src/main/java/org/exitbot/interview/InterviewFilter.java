package org.exitbot.interview;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.springframework.data.jpa.domain.Specification;

/** The filters of {@code GET /api/interviews}; dates are inclusive and compare with the creation date (UTC). */
public record InterviewFilter(InterviewStatus status, String department, LocalDate from, LocalDate to) {

    Specification<Interview> specification() {
        return (root, query, cb) -> {
            var predicates = new ArrayList<jakarta.persistence.criteria.Predicate>();
            if (status != null) {
                predicates.add(cb.equal(root.get("status"), status));
            }
            if (department != null && !department.isBlank()) {
                predicates.add(cb.equal(cb.lower(root.get("department")), department.trim().toLowerCase()));
            }
            if (from != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("createdAt"), from.atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            if (to != null) {
                predicates.add(cb.lessThan(root.get("createdAt"), to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            return cb.and(predicates.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
    }
}
