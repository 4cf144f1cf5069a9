package org.exitbot.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's login form; Spring Security handles its POST against the Camunda users. */
@Controller
class LoginPageController {

    @GetMapping(SecurityConfiguration.LOGIN_PAGE)
    String login() {
        return "hr/login";
    }
}
