package org.exitbot.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed dashboard login goes back to the form with its error; a throttled one gets the form again as a 429 that
 * says how long to wait.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    static final String THROTTLED_SECONDS = LoginFailureHandler.class.getName() + ".throttledSeconds";

    private final String loginPage;
    private final AuthenticationFailureHandler otherwise;

    LoginFailureHandler(String loginPage) {
        this.loginPage = loginPage;
        this.otherwise = new SimpleUrlAuthenticationFailureHandler(loginPage + "?error");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        if (!(exception instanceof LoginThrottledException throttled)) {
            otherwise.onAuthenticationFailure(request, response, exception);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
        request.setAttribute(THROTTLED_SECONDS, throttled.retryAfterSeconds());
        // the form page itself, read as a GET, so that the forward does not log in again
        request.getRequestDispatcher(loginPage).forward(new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        }, response);
    }
}
