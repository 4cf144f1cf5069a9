package org.exitbot.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.exitbot.system.ExitBotProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure an HR user (group {@code hr}) and an administrator (group {@code camunda-admin}) exist. A
 * configured password is applied at every start; without one, a random password is set and printed, so the
 * first run needs no setup and no default password ever works.
 */
@Component
class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    @ConfigurationProperties("exitbot.accounts")
    record Settings(@DefaultValue("true") boolean enabled, @DefaultValue Account hr, @DefaultValue Account admin) {
    }

    record Account(String id, String password) {
    }

    private final IdentityService identityService;
    private final CamundaGrants grants;
    private final Settings settings;
    private final ExitBotProperties properties;
    private final SecureRandom random = new SecureRandom();

    DemoAccounts(IdentityService identityService, CamundaGrants grants, Settings settings,
            ExitBotProperties properties) {
        this.identityService = identityService;
        this.grants = grants;
        this.settings = settings;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureAccounts() {
        if (!settings.enabled()) {
            return;
        }
        ensureGroup(HrAuthorizations.GROUP, "HR", "WORKFLOW");
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        grantAdminGroupEverything();
        String hr = ensureUser(settings.hr(), "hr", "HR", "Demo", HrAuthorizations.GROUP);
        String admin = ensureUser(settings.admin(), "admin", "Admin", "Demo", Groups.CAMUNDA_ADMIN);
        if (hr != null || admin != null) {
            String base = properties.publicUrl().toString().replaceAll("/+$", "");
            log.info("""

                    ==========================================================================
                     ExitBot is ready at {}
                     Camunda Tasklist and Cockpit: {}/camunda/app/
                     HR login:    {} / {}
                     Admin login: {} / {}
                     (passwords generated for this run; set EXITBOT_HR_PASSWORD and
                      EXITBOT_ADMIN_PASSWORD to choose them)
                    ==========================================================================""",
                    base, base, settings.hr().id(), hr == null ? "(configured)" : hr,
                    settings.admin().id(), admin == null ? "(configured)" : admin);
        }
    }

    /** @return the generated password, or null when it was configured */
    private String ensureUser(Account account, String defaultId, String firstName, String lastName, String group) {
        String id = account.id() == null ? defaultId : account.id();
        boolean configured = account.password() != null && !account.password().isBlank();
        String password = configured ? account.password() : generatePassword();
        var user = identityService.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(password);
            identityService.saveUser(user);
        } else if (!configured || !identityService.checkPassword(id, password)) {
            user.setPassword(password);
            identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identityService.createMembership(id, group);
        }
        return configured ? null : password;
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            var group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    private void grantAdminGroupEverything() {
        for (Resources resource : Resources.values()) {
            grants.grant(Groups.CAMUNDA_ADMIN, resource, "*", Permissions.ALL);
        }
    }

    private String generatePassword() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
