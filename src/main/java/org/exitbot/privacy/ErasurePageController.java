package org.exitbot.privacy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewLinks;
import org.exitbot.system.ExitBotProperties;
import org.exitbot.system.InterviewLocaleResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The erasure link of the thank-you mail: a page that asks once more, then erases. */
@Controller
class ErasurePageController {

    private final InterviewLinks links;
    private final Erasure erasure;
    private final ExitBotProperties properties;

    ErasurePageController(InterviewLinks links, Erasure erasure, ExitBotProperties properties) {
        this.links = links;
        this.erasure = erasure;
        this.properties = properties;
    }

    @GetMapping("/erase/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        return links.findForErasure(token)
                .map(interview -> page(interview, "ask", model, request))
                .orElseGet(() -> gone(model, response));
    }

    @PostMapping("/erase/{token}")
    String erase(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        return links.findForErasure(token)
                .map(interview -> {
                    String view = page(interview, "done", model, request);
                    erasure.erase(interview.getId(), Erasure.EMPLOYEE);
                    return view;
                })
                .orElseGet(() -> gone(model, response));
    }

    private String page(Interview interview, String step, Model model, HttpServletRequest request) {
        request.setAttribute(InterviewLocaleResolver.INTERVIEW_LOCALE, Locale.forLanguageTag(interview.getLocale()));
        model.addAttribute("organisation", properties.organisationName());
        model.addAttribute("step", step);
        return "erase";
    }

    private static String gone(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("step", "gone");
        return "erase";
    }
}
