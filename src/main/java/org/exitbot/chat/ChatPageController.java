package org.exitbot.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewProperties;
import org.exitbot.privacy.PrivacyTerms;
import org.exitbot.questions.QuestionSetService;
import org.exitbot.system.ExitBotProperties;
import org.exitbot.system.GoneException;
import org.exitbot.system.InterviewLocaleResolver;
import org.exitbot.system.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page behind the emailed link, in the interview's language. A link that opens nothing gets a friendly
 * page that says nothing about any interview.
 */
@Controller
class ChatPageController {

    static final int MINUTES_PER_QUESTION = 3;
    /** Texts the page's script needs, besides those in the template. */
    private static final List<String> SCRIPT_TEXTS = List.of("progress", "thinking", "skipped", "stopped",
            "stop.confirm", "decline.confirm", "error.generic", "error.slow", "review.edit", "review.save",
            "review.cancel", "review.edited", "review.question", "characters", "you", "bot", "scripted", "done.completed",
            "done.stopped", "done.expired", "reconnecting", "erase.confirm", "erase.erased", "summary.statement",
            "summary.remove", "summary.putBack", "summary.removed", "summary.removedAnonymous", "summary.corrected",
            "summary.noThemes", "summary.waiting", "theme.compensation_benefits", "theme.career_growth",
            "theme.manager_relationship", "theme.leadership_direction", "theme.workload_stress",
            "theme.work_life_balance", "theme.team_culture",
            "theme.recognition", "theme.role_fit", "theme.tools_processes", "theme.personal_reasons",
            "theme.job_security_org_change", "theme.better_opportunity");

    private final ChatService chat;
    private final InterviewProperties interviews;
    private final QuestionSetService questionSets;
    private final MessageSource messages;
    private final ExitBotProperties properties;
    private final PrivacyTerms privacy;
    private final ObjectMapper objectMapper;

    ChatPageController(ChatService chat, InterviewProperties interviews, QuestionSetService questionSets, MessageSource messages,
            ExitBotProperties properties, PrivacyTerms privacy, ObjectMapper objectMapper) {
        this.chat = chat;
        this.interviews = interviews;
        this.questionSets = questionSets;
        this.messages = messages;
        this.properties = properties;
        this.privacy = privacy;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/i/{token}")
    String page(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        Interview interview;
        try {
            interview = chat.open(token);
        } catch (NotFoundException | GoneException dead) {
            boolean gone = dead instanceof GoneException;
            response.setStatus(gone ? HttpStatus.GONE.value() : HttpStatus.NOT_FOUND.value());
            model.addAttribute("gone", gone);
            return "chat-link";
        }
        Locale locale = Locale.forLanguageTag(interview.getLocale());
        request.setAttribute(InterviewLocaleResolver.INTERVIEW_LOCALE, locale);
        int questionCount = questionSets.byId(interview.getQuestionSetId()).size();
        model.addAttribute("organisation", properties.organisationName());
        model.addAttribute("questionCount", questionCount);
        model.addAttribute("minutes", Math.max(5, questionCount * MINUTES_PER_QUESTION));
        model.addAttribute("deadline", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(interview.getExpiresAt().atZone(properties.timeZone())));
        model.addAttribute("retentionDays", privacy.retentionDays());
        model.addAttribute("minGroupSize", privacy.minGroupSize());
        model.addAttribute("maxLength", interviews.answerMaxLength());
        model.addAttribute("texts", scriptTexts(locale));
        return "chat";
    }

    /** JSON for a {@code <script type="application/json">} block, with {@code <} escaped so it cannot end it. */
    private String scriptTexts(Locale locale) {
        var texts = new LinkedHashMap<String, String>();
        for (String key : SCRIPT_TEXTS) {
            texts.put(key, messages.getMessage("page." + key, null, locale));
        }
        try {
            return objectMapper.writeValueAsString(texts).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
