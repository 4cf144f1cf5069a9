package org.exitbot.report;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's "Agreement": how far the analysis agrees with HR's corrections, and the export of them. */
@Controller
class AgreementPageController {

    private final AgreementReport agreement;

    AgreementPageController(AgreementReport agreement) {
        this.agreement = agreement;
    }

    @GetMapping("/hr/agreement")
    String agreement(Model model) {
        model.addAttribute("report", agreement.report());
        return "hr/agreement";
    }
}
