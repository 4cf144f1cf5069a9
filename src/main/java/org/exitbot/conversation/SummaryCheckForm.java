package org.exitbot.conversation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.exitbot.analysis.EmployeeSummaries;
import org.exitbot.analysis.EmployeeSummaries.Summary;
import org.exitbot.analysis.Theme;
import org.exitbot.system.FieldError;
import org.exitbot.system.FormMarkdown;
import org.exitbot.system.InvalidInputException;
import org.exitbot.system.JsonVariables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The summary check in Tasklist ({@code forms/confirm-summary.form}), for a phone interview: HR reads the summary to
 * the employee, makes the changes they ask for and confirms for them. What it is filled with (task-local variables,
 * refreshed whenever the employee changes the summary on their page), and HR's changes read back from it. An
 * anonymous employee's check is theirs alone: the form shows nothing of it and cannot complete it.
 */
@Component
class SummaryCheckForm {

    /** Statements the form shows, one fixed slot each (as {@link CorrectionForm#ANSWER_SLOTS}). */
    static final int STATEMENT_SLOTS = 15;
    static final String NOTE = "summaryNote";
    static final String VERSION = "summaryVersion";
    static final String THEME_OPTIONS = "summaryThemeOptions";
    static final String REMOVED_THEMES = "removedThemes";
    static final String CONFIRMED = "summaryConfirmed";
    /** How many slots the form shows: a field's own value cannot hide it, form-js fills an empty one with "". */
    static final String SHOWN = "statementCount";

    private final EmployeeSummaries summaries;
    private final JsonVariables json;

    SummaryCheckForm(EmployeeSummaries summaries, JsonVariables json) {
        this.summaries = summaries;
        this.json = json;
    }

    /** The variables of the statement at this index (0-based): {@code statement1} for the first. */
    static String slot(int index) {
        return "statement" + (index + 1);
    }

    @Transactional(readOnly = true)
    Map<String, Object> variables(UUID interviewId) {
        var variables = new HashMap<String, Object>();
        Summary summary = summaries.of(interviewId).orElse(null);
        for (int i = 0; i < STATEMENT_SLOTS; i++) {
            variables.put(slot(i), null);
            variables.put(slot(i) + "Removed", false);
        }
        variables.put(SHOWN, 0);
        variables.put(THEME_OPTIONS, null);
        variables.put(REMOVED_THEMES, json.json(List.of()));
        if (summary == null) {
            variables.put(NOTE, "The summary is not ready yet.");
            variables.put(VERSION, -1);
            return variables;
        }
        variables.put(VERSION, summary.version());
        if (summary.kind() == EmployeeSummaries.Kind.COMMENTS) {
            variables.put(NOTE, "Anonymous interview: only the employee checks their answers, on their page. "
                    + "HR cannot see or confirm them here.");
            return variables;
        }
        variables.put(NOTE, summary.fallback() ? FormMarkdown.escape("Automatic summary without the LLM: made by "
                + "simple rules, so it says less than a written one would.") : "");
        List<EmployeeSummaries.Statement> statements = summary.statements();
        variables.put(SHOWN, Math.min(STATEMENT_SLOTS, statements.size()));
        for (int i = 0; i < Math.min(STATEMENT_SLOTS, statements.size()); i++) {
            variables.put(slot(i), statements.get(i).text());
            variables.put(slot(i) + "Removed", statements.get(i).removed());
        }
        if (!summary.themes().isEmpty()) {
            variables.put(THEME_OPTIONS, json.json(summary.themes().stream()
                    .map(t -> Map.of("label", t.theme().code().replace('_', ' '), "value", t.theme().code()))
                    .toList()));
        }
        variables.put(REMOVED_THEMES, json.json(summary.removedThemes().stream().map(Theme::code).toList()));
        return variables;
    }

    /**
     * Applies what HR changed on the form and confirms the summary for the employee. Nothing when the employee
     * confirmed it on their page (that completion comes through here too), nor for a completion without the form
     * (no {@value #CONFIRMED} at all): the interview then goes on unconfirmed, and its review says so.
     *
     * @throws BadUserRequestException when the form is stale, unticked, anonymous or invalid; nothing is stored then
     */
    @Transactional
    void record(UUID interviewId, Map<String, Object> variables, String recordedBy) {
        Summary summary = summaries.of(interviewId).orElse(null);
        if (summary == null || summary.confirmed() || !variables.containsKey(CONFIRMED)) {
            return;
        }
        if (summary.kind() == EmployeeSummaries.Kind.COMMENTS) {
            throw new BadUserRequestException("This interview is anonymous: only the employee can check and confirm "
                    + "their answers, on their page.");
        }
        Object version = variables.get(VERSION);
        if (!(version instanceof Number number) || number.intValue() != summary.version()) {
            throw new BadUserRequestException("The employee changed the summary on their page since this form was "
                    + "opened. Open the task again to see their changes.");
        }
        if (!Boolean.parseBoolean(String.valueOf(variables.get(CONFIRMED)))) {
            throw new BadUserRequestException("Tick \"The employee has heard this summary and confirms it\" to "
                    + "confirm it for them.");
        }
        var problems = new ArrayList<FieldError>();
        Set<Theme> removedThemes = json.codes(variables.get(REMOVED_THEMES), REMOVED_THEMES, problems).stream()
                .map(code -> Theme.ofCode(code).orElse(null)).collect(Collectors.toSet());
        if (removedThemes.contains(null)) {
            problems.add(new FieldError(REMOVED_THEMES, "has an unknown theme: must be some of " + Theme.codes()));
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The summary check is invalid: " + problems.stream()
                    .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        }
        // each change leaves what is as it was unchanged, and counts the version on when it changes something
        int current = summary.version();
        List<EmployeeSummaries.Statement> statements = summary.statements();
        for (int i = 0; i < Math.min(STATEMENT_SLOTS, statements.size()); i++) {
            int position = statements.get(i).position();
            Object text = variables.get(slot(i));
            if (Boolean.parseBoolean(String.valueOf(variables.get(slot(i) + "Removed")))) {
                current = summaries.remove(interviewId, position, current, recordedBy).version();
            } else if (text != null) {
                try {
                    current = summaries.correct(interviewId, position, text.toString(), current, recordedBy)
                            .version();
                } catch (InvalidInputException invalid) {
                    throw new BadUserRequestException("Statement " + (i + 1) + " " + invalid.errors().get(0)
                            .message() + ": remove it instead, or write what the employee said.");
                }
            }
        }
        for (var theme : summary.themes()) {
            current = summaries.removeTheme(interviewId, theme.theme(), removedThemes.contains(theme.theme()), current,
                    recordedBy).version();
        }
        summaries.confirm(interviewId, current, recordedBy);
    }
}
