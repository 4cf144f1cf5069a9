package org.exitbot.privacy;

import java.security.Principal;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** HR erases one person's interview on their request (GDPR Art. 17). */
@RestController
class ErasureController {

    private final Erasure erasure;

    ErasureController(Erasure erasure) {
        this.erasure = erasure;
    }

    @DeleteMapping("/api/interviews/{id}")
    ResponseEntity<Void> erase(@PathVariable UUID id, Principal hrUser) {
        erasure.erase(id, hrUser.getName());
        return ResponseEntity.noContent().build();
    }
}
