package org.exitbot.questions;

import org.exitbot.system.Languages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's question-set editor; it reads and saves through {@code /api/question-sets}. */
@Controller
class QuestionSetPageController {

    private final QuestionSetService questionSets;
    private final Languages languages;

    QuestionSetPageController(QuestionSetService questionSets, Languages languages) {
        this.questionSets = questionSets;
        this.languages = languages;
    }

    @GetMapping("/hr/question-sets")
    String page(Model model) {
        model.addAttribute("sets", questionSets.allLatest());
        model.addAttribute("locales", languages.locales());
        return "hr/question-sets";
    }
}
