package org.exitbot.system;

import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;

/** Who acts on a step of the process: the Camunda user logged in on the thread (Tasklist, engine REST), if any. */
public final class ActingUser {

    private ActingUser() {
    }

    /** @param nobody who it is when no Camunda user is logged in, e.g. the employee through their link */
    public static String orElse(ProcessEngineServicesAware step, String nobody) {
        var authentication = step.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? nobody : authentication.getUserId();
    }
}
