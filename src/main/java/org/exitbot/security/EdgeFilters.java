package org.exitbot.security;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.exitbot.interview.InterviewProperties;
import org.exitbot.system.ExitBotProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters every request meets first, before Spring Security and before Camunda's servlets: the client's address
 * (forwarded headers only from trusted proxies), then the cap on the body; and, on Camunda's doors, the refusal of
 * other sites' requests and the throttle on failed logins, ahead of Camunda's own authentication.
 */
@Configuration(proxyBeanMethods = false)
class EdgeFilters {

    /** After Boot's character-encoding filter, before its request-context filter and Spring Security. */
    private static final int FIRST = Ordered.HIGHEST_PRECEDENCE + 10;
    /** After Spring Security's chain, before Camunda's engine REST authentication. */
    private static final int BEFORE_CAMUNDA = 0;

    @Bean
    FilterRegistrationBean<ClientAddressFilter> clientAddressFilter(NetworkSettings network) {
        var registration = new FilterRegistrationBean<>(new ClientAddressFilter(
                new TrustedProxies(network.trustedProxies())));
        registration.setOrder(FIRST);
        registration.setAsyncSupported(true);
        // as Boot registers its own forwarded-header filter: error pages and async answers see the same request
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(InterviewProperties interviews,
            ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(
                new RequestBodyLimits(interviews.answerMaxLength()), problems));
        registration.setOrder(FIRST + 1);
        registration.setAsyncSupported(true);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CrossSiteRequestFilter> engineRestCrossSiteFilter(ExitBotProperties app,
            ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(new CrossSiteRequestFilter(app.publicUrl(), problems, false));
        registration.setUrlPatterns(List.of("/engine-rest/*"));
        registration.setOrder(BEFORE_CAMUNDA);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CamundaLoginThrottleFilter> camundaLoginThrottleFilter(LoginThrottle throttle,
            ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(new CamundaLoginThrottleFilter(throttle, problems));
        registration.setUrlPatterns(List.of("/engine-rest/*", "/camunda/api/admin/auth/user/*"));
        registration.setOrder(BEFORE_CAMUNDA + 1);
        return registration;
    }
}
