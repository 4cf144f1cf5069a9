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
    private final ThemeTaxonomy taxonomy;

    QuestionSetPageController(QuestionSetService questionSets, Languages languages, ThemeTaxonomy taxonomy) {
        this.questionSets = questionSets;
        this.languages = languages;
        this.taxonomy = taxonomy;
    }

    @GetMapping("/hr/question-sets")
    String page(Model model) {
        model.addAttribute("sets", questionSets.allLatest());
        model.addAttribute("locales", languages.locales());
        model.addAttribute("themes", taxonomy.codes());
        return "hr/question-sets";
    }
}
