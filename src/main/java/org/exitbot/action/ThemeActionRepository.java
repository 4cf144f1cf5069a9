package org.exitbot.action;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ThemeActionRepository extends JpaRepository<ThemeAction, UUID> {

    Optional<ThemeAction> findByOpenKey(String openKey);

    List<ThemeAction> findAllByOrderByStartedAtDesc();
}
