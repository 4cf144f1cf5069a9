package org.exitbot.action;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.exitbot.analysis.Theme;
import org.exitbot.report.ThemeFigures;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard's "Actions": open and finished actions with their effect, and HR's own start. */
@Controller
class ActionPageController {

    private final ActionLedger ledger;
    private final ThemeFigures figures;
    private final ActionProperties properties;

    ActionPageController(ActionLedger ledger, ThemeFigures figures, ActionProperties properties) {
        this.ledger = ledger;
        this.figures = figures;
        this.properties = properties;
    }

    @GetMapping("/hr/actions")
    String actions(@RequestParam(required = false) UUID started, Model model) {
        List<ActionView> all = ledger.list();
        int k = figures.minGroupSize();
        model.addAttribute("open", all.stream().filter(a -> a.status().isOpen()).toList());
        model.addAttribute("finished", all.stream().filter(a -> !a.status().isOpen()).toList());
        model.addAttribute("started", started == null ? null
                : all.stream().filter(a -> a.id().equals(started)).findFirst().orElse(null));
        model.addAttribute("themes", List.of(Theme.values()));
        model.addAttribute("departments", figures.departments());
        model.addAttribute("rule", String.format(Locale.ROOT, "A theme starts an action when the analysis finds it in "
                + "at least %.0f %% of a department's analysed interviews (or of all departments') and in at least "
                + "%d of them, over the last %d days; the check runs every morning at 06:00. Groups of fewer than %d "
                + "interviews show no figures.", properties.minShare() * 100, Math.max(properties.minCount(), k),
                properties.window().toDays(), k));
        return "hr/actions";
    }
}
