package org.exitbot.action;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.exitbot.mail.MailTransport;
import org.exitbot.mail.OutgoingMail;
import org.exitbot.system.ExitBotProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Reminds an action's owner, by the e-mail address of their Camunda user, that the due date is near. */
@Service
public class OwnerReminders {

    private static final Logger log = LoggerFactory.getLogger(OwnerReminders.class);

    private final ThemeActionRepository actions;
    private final IdentityService identityService;
    private final MailTransport transport;
    private final ITemplateEngine templates;
    private final ExitBotProperties properties;

    OwnerReminders(ThemeActionRepository actions, IdentityService identityService, MailTransport transport,
            ITemplateEngine templates, ExitBotProperties properties) {
        this.actions = actions;
        this.identityService = identityService;
        this.transport = transport;
        this.templates = templates;
        this.properties = properties;
    }

    /** Unless the action was carried out meanwhile, or the owner has no address to write to. */
    @Transactional(readOnly = true)
    public void remind(UUID actionId) {
        ThemeAction action = actions.findById(actionId).orElseThrow();
        if (action.getStatus() != ActionStatus.IN_PROGRESS) {
            log.info("No reminder for action {}: it is {}", actionId, action.getStatus().label());
            return;
        }
        User owner = identityService.createUserQuery().userId(action.getOwner()).singleResult();
        if (owner == null || owner.getEmail() == null || owner.getEmail().isBlank()) {
            log.warn("No reminder for action {}: its owner {} has no e-mail address in Camunda", actionId,
                    action.getOwner());
            return;
        }
        var context = new Context(java.util.Locale.ENGLISH);
        context.setVariable("organisation", properties.organisationName());
        context.setVariable("name", owner.getFirstName() == null ? owner.getId() : owner.getFirstName());
        context.setVariable("theme", action.group().themeLabel());
        context.setVariable("group", action.group().groupLabel());
        context.setVariable("action", action.getPlannedAction());
        context.setVariable("successMeasure", action.getSuccessMeasure());
        context.setVariable("dueDate", action.getDueDate().toString());
        context.setVariable("link", properties.publicUrl().toString().replaceAll("/+$", "") + "/hr/actions");
        transport.send(new OutgoingMail(owner.getEmail(), "Reminder: your action on " + action.group().themeLabel()
                + " in " + action.group().groupLabel() + " is due " + action.getDueDate(),
                templates.process("text/action-reminder", context), templates.process("mail/action-reminder", context), null));
    }
}
