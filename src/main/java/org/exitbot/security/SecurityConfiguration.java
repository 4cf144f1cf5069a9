package org.exitbot.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.exitbot.chat.ChatProperties;
import org.exitbot.chat.RateLimitFilter;
import org.exitbot.system.ExitBotProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.request.async.WebAsyncManagerIntegrationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Four audiences: employees (link token only, no session), HR systems (the signed webhook; on {@code /api/**}
 * an API key or a JWT), HR people and scripts (the dashboard's session login under {@code /hr}, HTTP Basic or
 * that session on {@code /api/**}, both against Camunda users in group {@code hr}), and Camunda's webapps and
 * engine REST API, which authenticate users themselves.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String HR_AUTHORITY = CamundaUserAuthenticationProvider.GROUP_PREFIX + "hr";
    static final String ADMIN_AUTHORITY = CamundaUserAuthenticationProvider.GROUP_PREFIX + Groups.CAMUNDA_ADMIN;
    static final String METRICS = "/actuator/prometheus";
    /** The OpenAPI description of {@code /api/**} and Swagger UI (springdoc's default paths). */
    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
            "/swagger-ui/**"};
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String LOGIN_PAGE = "/hr/login";
    /** The name Camunda's webapps give the servlet of their engine API ({@code /camunda/api/engine}). */
    static final String WEBAPP_ENGINE_API = "Engine Api";

    @Bean
    @Order(1)
    SecurityFilterChain employeeChain(HttpSecurity http, ChatProperties chat, JdbcTemplate jdbc, Clock clock,
            ObjectMapper objectMapper) throws Exception {
        return http.securityMatcher("/api/chat/**", "/i/**", "/chat/**", "/erase/**")
                .addFilterBefore(new RateLimitFilter(chat, jdbc, clock, objectMapper),
                        WebAsyncManagerIntegrationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY)))
                .build();
    }

    /** The offboarding webhook authenticates each call by its HMAC signature (WebhookSignature), not by a user. */
    @Bean
    @Order(2)
    SecurityFilterChain webhookChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/hooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * The metrics are for operators: a Camunda administrator by HTTP Basic, or the Prometheus server with the
     * metrics token ({@link MetricsTokenFilter}); never anyone else.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metricsChain(HttpSecurity http, ProblemResponses problems, MetricsSettings settings)
            throws Exception {
        return http.securityMatcher(METRICS)
                .addFilterBefore(new MetricsTokenFilter(settings, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .hasAnyAuthority(ADMIN_AUTHORITY, MetricsTokenFilter.AUTHORITY))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * The API's description is for HR people and their integrators: the dashboard's session (a browser is sent to
     * its login, and back) or HTTP Basic of an HR user.
     */
    @Bean
    @Order(3)
    SecurityFilterChain apiDocsChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        var login = new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE);
        return http.securityMatcher(API_DOCS)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(HR_AUTHORITY))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(login, BrowserRequests::isBrowser)
                        .defaultAuthenticationEntryPointFor(problems, request -> true)
                        .accessDeniedHandler(problems))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY)))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain hrPagesChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/hr/**", "/hr")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN_PAGE, "/hr/assets/**").permitAll()
                        .anyRequest().hasAuthority(HR_AUTHORITY))
                .formLogin(login -> login.loginPage(LOGIN_PAGE).defaultSuccessUrl("/hr", false)
                        .failureHandler(new LoginFailureHandler(LOGIN_PAGE)))
                .logout(logout -> logout.logoutUrl("/hr/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY)))
                .build();
    }

    /**
     * Scripts send HTTP Basic and get no session; HR systems send an API key, or a bearer JWT when an issuer or
     * key is configured ({@code spring.security.oauth2.resourceserver.jwt.*}), with HR's rights or only their
     * {@link ApiScope scopes}. The dashboard's pages call the same API with their session, and then need the CSRF
     * token like any form. A browser may send cached Basic credentials by itself, so requests from another site's
     * pages are refused, and header credentials go only with the content types scripts send
     * ({@link CrossSiteRequestFilter}).
     */
    @Bean
    @Order(4)
    SecurityFilterChain hrApiChain(HttpSecurity http, ProblemResponses problems, ApiKeys apiKeys,
            ObjectProvider<JwtDecoder> jwtDecoder, JwtHrAuthorities jwtAuthorities, ExitBotProperties app)
            throws Exception {
        var sessionRead = new HttpSessionSecurityContextRepository();
        sessionRead.setAllowSessionCreation(false);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(jwtAuthorities))
                    .authenticationEntryPoint(problems).accessDeniedHandler(problems));
        }
        return http.securityMatcher("/api/**")
                .addFilterBefore(new CrossSiteRequestFilter(app.publicUrl(), problems, true),
                        WebAsyncManagerIntegrationFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    for (ApiScope scope : ApiScope.values()) {
                        for (ApiScope.Endpoint endpoint : scope.endpoints()) {
                            requests.requestMatchers(endpoint.method(), endpoint.pattern())
                                    .hasAnyAuthority(HR_AUTHORITY, scope.authority());
                        }
                    }
                    requests.anyRequest().hasAuthority(HR_AUTHORITY);
                })
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null
                        || request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null
                        || request.getSession(false) == null))
                .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), sessionRead)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * The webapps keep their own login, CSRF protection and headers; the engine REST API gets Basic auth below.
     * Admin's set-up page, which makes whoever comes first an administrator while the group
     * {@code camunda-admin} has no member, is closed for good: administrators come from configuration. So is the
     * engine's password check for arbitrary users ({@code identity/verify}).
     */
    @Bean
    @Order(5)
    SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/camunda/api/admin/setup/**", "/camunda/app/admin/*/setup/**").denyAll()
                        // checks any user's password for any logged-in caller, past the login throttle; no webapp uses it
                        .requestMatchers("/engine-rest/identity/verify", "/camunda/api/engine/engine/*/identity/verify")
                        .denyAll()
                        .anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * Mapped to the servlets of Camunda's two REST APIs by name, so it runs after every filter mapped by URL,
     * Camunda's authentication among them.
     */
    @Bean
    FilterRegistrationBean<CamundaTranscriptReads> camundaTranscriptReadsRegistration(CamundaTranscriptReads filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setServletNames(List.of(WEBAPP_ENGINE_API, CamundaJerseyResourceConfig.class.getName()));
        return registration;
    }

    /** After Camunda's authentication too, like the transcript reads. */
    @Bean
    FilterRegistrationBean<CamundaVariableWrites> camundaVariableWritesRegistration(CamundaVariableWrites filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setServletNames(List.of(WEBAPP_ENGINE_API, CamundaJerseyResourceConfig.class.getName()));
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
