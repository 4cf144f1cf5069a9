package org.exitbot.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * HR logs in with the same Camunda user as in Tasklist; each Camunda group becomes an authority
 * {@code GROUP_<id>}. Failed logins are throttled per account and per address ({@link LoginThrottle}).
 */
@Component
class CamundaUserAuthenticationProvider implements AuthenticationProvider {

    static final String GROUP_PREFIX = "GROUP_";

    private final IdentityService identityService;
    private final LoginThrottle throttle;

    CamundaUserAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object password = authentication.getCredentials();
        if (userId == null || userId.isBlank() || password == null) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        LoginThrottle.Check check = throttle.check(userId, address);
        if (check.waitFor().isPresent()) {
            throw new LoginThrottledException(check.waitFor().get());
        }
        if (!identityService.checkPassword(userId, password.toString())) {
            throttle.failed(userId, address);
            throw new BadCredentialsException("Wrong user name or password");
        }
        throttle.succeeded(userId, check);
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(group -> new SimpleGrantedAuthority(GROUP_PREFIX + group.getId()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
