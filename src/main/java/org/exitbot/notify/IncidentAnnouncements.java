package org.exitbot.notify;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells HR's channel about incidents that need an administrator: failed jobs and external tasks whose retries ran
 * out, and the interview mails that may not have gone out. The engine's own handler still records each incident;
 * this one, beside it, starts the notice. Its failure is logged and never keeps the incident from being recorded.
 */
@Component
class IncidentAnnouncements extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(IncidentAnnouncements.class);

    private final ObjectProvider<HrNotifications> notifications;

    static final String MAIL_UNCONFIRMED_OF_EARLIER_VERSIONS = "mailUnconfirmed";

    IncidentAnnouncements(ObjectProvider<HrNotifications> notifications) {
        this.notifications = notifications;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCompositeIncidentHandlersEnabled(true);
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new Announcer(Incident.FAILED_JOB_HANDLER_TYPE));
        handlers.add(new Announcer(Incident.EXTERNAL_TASK_HANDLER_TYPE));
        // earlier versions raised incidents of this type for a cut-off mail, which is now sent again: those still
        // open can be resolved
        handlers.add(new DefaultIncidentHandler(MAIL_UNCONFIRMED_OF_EARLIER_VERSIONS));
        configuration.setCustomIncidentHandlers(handlers);
    }

    private final class Announcer implements IncidentHandler {

        private final String type;

        Announcer(String type) {
            this.type = type;
        }

        @Override
        public String getIncidentHandlerType() {
            return type;
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            try {
                notifications.getObject().incidentRaised(context.getProcessDefinitionId(), context.getActivityId());
            } catch (RuntimeException e) {
                log.warn("HR's channel not told of a {} incident at {}: {}", type, context.getActivityId(), e.toString());
            }
            return null;
        }

        @Override
        public void resolveIncident(IncidentContext context) {
        }

        @Override
        public void deleteIncident(IncidentContext context) {
        }
    }
}
