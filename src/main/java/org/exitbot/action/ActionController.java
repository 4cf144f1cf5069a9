package org.exitbot.action;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/actions")
class ActionController {

    private final ActionStarts starts;
    private final ActionLedger ledger;

    ActionController(ActionStarts starts, ActionLedger ledger) {
        this.starts = starts;
        this.ledger = ledger;
    }

    /** HR starts an action on any theme and group; 409 while one is open on them. */
    @PostMapping
    ResponseEntity<ActionView> start(@Valid @RequestBody NewAction request, Principal hrUser) {
        UUID id = starts.startForHr(request.theme(), request.department(), hrUser.getName());
        return ResponseEntity.created(URI.create("/api/actions/" + id)).body(ledger.get(id));
    }

    @GetMapping
    List<ActionView> list(@RequestParam(required = false) @Pattern(regexp = "open|finished",
            message = "must be open or finished") String status) {
        return ledger.list().stream()
                .filter(a -> status == null || a.status().isOpen() == status.equals("open"))
                .toList();
    }

    @GetMapping("/{id}")
    ActionView get(@PathVariable UUID id) {
        return ledger.get(id);
    }
}
