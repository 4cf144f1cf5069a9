package org.exitbot.privacy;

import org.springframework.data.jpa.repository.JpaRepository;

interface ErasureLog extends JpaRepository<ErasureLogEntry, Long> {
}
