package org.exitbot.questions;

import org.exitbot.interview.InterviewProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's question-set editor; it reads and saves through {@code /api/question-sets}. */
@Controller
class QuestionSetPageController {

    private final QuestionSetService questionSets;
    private final InterviewProperties interviews;

    QuestionSetPageController(QuestionSetService questionSets, InterviewProperties interviews) {
        this.questionSets = questionSets;
        this.interviews = interviews;
    }

    @GetMapping("/hr/question-sets")
    String page(Model model) {
        model.addAttribute("sets", questionSets.allLatest());
        model.addAttribute("locales", interviews.locales());
        return "hr/question-sets";
    }
}
