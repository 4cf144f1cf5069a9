package org.exitbot.system;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs the app's own engine calls while a Camunda user is logged in on the thread (a Tasklist or engine REST
 * request): the engine's authorization checks are for that user, and the app acting on its own behalf is not
 * them. The user is logged in again afterwards.
 */
@Component
public class EngineAsApp {

    private final IdentityService identityService;

    EngineAsApp(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> work) {
        Authentication user = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (user != null) {
                identityService.setAuthentication(user);
            }
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
