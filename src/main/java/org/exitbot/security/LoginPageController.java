package org.exitbot.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's login form; Spring Security handles its POST against the Camunda users. */
@Controller
class LoginPageController {

    @GetMapping(SecurityConfiguration.LOGIN_PAGE)
    String login(HttpServletRequest request, Model model) {
        Object throttledSeconds = request.getAttribute(LoginFailureHandler.THROTTLED_SECONDS);
        if (throttledSeconds != null) {
            model.addAttribute("throttledSeconds", throttledSeconds);
        }
        return "hr/login";
    }
}
