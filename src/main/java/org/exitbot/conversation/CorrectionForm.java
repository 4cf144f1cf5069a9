package org.exitbot.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.exitbot.analysis.AnalysisCorrections;
import org.exitbot.analysis.AnalysisCorrections.AnswerToCorrect;
import org.exitbot.analysis.AnalysisCorrections.Labels;
import org.exitbot.analysis.AnalysisView;
import org.exitbot.analysis.Sentiment;
import org.exitbot.analysis.Theme;
import org.exitbot.analysis.ThemeTrust;
import org.exitbot.system.FieldError;
import org.exitbot.system.FormMarkdown;
import org.exitbot.system.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * The review form's correction of the analysis (the {@code Group_Correction} components of
 * {@code forms/hr-review.form}): what it is filled with, and HR's labels read back from it. The form is prefilled
 * with what the analysis said; a correction is stored when HR changed a label or ticked "the analysis is right".
 */
@Component
class CorrectionForm {

    static final String SENTIMENT = "correctSentiment";
    static final String THEMES = "correctThemes";
    static final String MAIN_REASON = "correctMainReason";
    static final String ANSWERS = "answerCorrections";
    static final String CONFIRMED = "analysisChecked";
    static final String CHECK_BY_HAND = "checkByHand";
    static final String CHECK_MARK = "check by hand";
    /** Answers the form shows to correct, one fixed slot each; later ones are corrected through submit-form. */
    static final int ANSWER_SLOTS = 30;

    private final AnalysisCorrections corrections;
    private final ThemeTrust themeTrust;
    private final JsonVariables json;

    CorrectionForm(AnalysisCorrections corrections, ThemeTrust themeTrust, JsonVariables json) {
        this.corrections = corrections;
        this.themeTrust = themeTrust;
        this.json = json;
    }

    /** The themes of this analysis HR should check by hand. */
    Set<Theme> checkByHand(AnalysisView analysis) {
        return analysis == null ? Set.of() : themeTrust.checkByHand(analysis.model(), analysis.promptVersion());
    }

    /** The correction fields, prefilled with the current analysis; none without one. */
    Map<String, Object> variables(UUID interviewId, AnalysisView analysis, Set<Theme> check) {
        var variables = new HashMap<String, Object>();
        if (analysis == null) {
            variables.put(CHECK_BY_HAND, "");
            return variables;
        }
        variables.put(SENTIMENT, analysis.sentiment() == Sentiment.UNKNOWN ? null : analysis.sentiment().code());
        variables.put(THEMES, json.json(analysis.themes().stream().map(t -> t.theme().code()).distinct().toList()));
        variables.put(MAIN_REASON, analysis.mainReason() == null ? null : analysis.mainReason().code());
        List<AnswerToCorrect> answers = corrections.answers(interviewId);
        // the form shows fixed slots (Tasklist 7.24 cannot complete a form-js dynamic list, README); the list is
        // for REST clients, and for answers beyond the slots, through submit-form
        for (int i = 0; i < Math.min(ANSWER_SLOTS, answers.size()); i++) {
            AnswerToCorrect answer = answers.get(i);
            variables.put(slot(i), FormMarkdown.escape(answer.question()) + "\n\n> " + FormMarkdown.escape(answer.answer()));
            variables.put(slot(i) + "Sentiment", answer.sentiment() == Sentiment.UNKNOWN ? null : answer.sentiment().code());
            variables.put(slot(i) + "Themes", json.json(answer.themes().stream().map(Theme::code).toList()));
        }
        variables.put(ANSWERS, json.json(answers.stream().map(answer -> {
            var item = new LinkedHashMap<String, Object>();
            item.put("question", answer.question());
            item.put("answer", answer.answer());
            item.put("sentiment", answer.sentiment() == Sentiment.UNKNOWN ? null : answer.sentiment().code());
            item.put("themes", answer.themes().stream().map(Theme::code).toList());
            return item;
        }).toList()));
        variables.put(CHECK_BY_HAND, check.isEmpty() ? "" : FormMarkdown.escape(check.stream()
                .map(t -> t.code().replace('_', ' ')).sorted().collect(Collectors.joining(", "))));
        return variables;
    }

    /** The variable of the form's slot for the answer at this index (0-based): {@code answer1} for the first. */
    static String slot(int index) {
        return "answer" + (index + 1);
    }

    /** HR's labels as the form sent them, and what is wrong with them; null when the form had no correction. */
    private record Submitted(Labels interview, List<Labels> answers, boolean confirmed, List<FieldError> problems) {
    }

    /**
     * What is wrong with the correction in these variables (the task's, with what the form submits over them):
     * labels the analysis does not know, or answers that are not the interview's.
     */
    List<FieldError> problems(UUID interviewId, Map<String, Object> variables) {
        Submitted submitted = read(interviewId, variables);
        return submitted == null ? List.of() : submitted.problems();
    }

    /** The message a refused correction shows in Tasklist and in a 400 of the REST APIs. */
    static String refusal(List<FieldError> problems) {
        return "The correction of the analysis is invalid: " + problems.stream()
                .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
    }

    /**
     * Stores HR's labels from the completed form, if HR corrected or confirmed the analysis; refuses the completion
     * when a label is not one the analysis knows (a submitted form is checked before, see
     * {@link ReviewFormSubmission}).
     */
    void record(UUID interviewId, Map<String, Object> variables, String reviewer) {
        Submitted submitted = read(interviewId, variables);
        if (submitted == null) {
            return;
        }
        if (!submitted.problems().isEmpty()) {
            throw new BadUserRequestException(refusal(submitted.problems()));
        }
        corrections.record(interviewId, submitted.interview(), submitted.answers(), submitted.confirmed(), reviewer);
    }

    private Submitted read(UUID interviewId, Map<String, Object> variables) {
        if (!variables.containsKey(SENTIMENT) && !variables.containsKey(ANSWERS)) {
            return null;
        }
        var problems = new ArrayList<FieldError>();
        Labels interview = new Labels(text(variables.get(SENTIMENT)),
                json.codes(variables.get(THEMES), THEMES, problems),
                text(variables.get(MAIN_REASON)));
        var answers = new ArrayList<Labels>();
        JsonNode items = json.read(variables.get(ANSWERS), ANSWERS, problems);
        if (items != null && !items.isArray()) {
            problems.add(new FieldError(ANSWERS, "must be a list"));
        } else if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                answers.add(new Labels(item.path("sentiment").isTextual() ? item.path("sentiment").asText() : null,
                        JsonVariables.texts(item.get("themes"), ANSWERS + "[" + i + "].themes", problems), null));
            }
        }
        overrideBySlots(interviewId, variables, answers, problems);
        Object ticked = variables.get(CONFIRMED);
        boolean confirmed = ticked != null && Boolean.parseBoolean(ticked.toString());
        if (problems.isEmpty() && !confirmed && !corrections.changes(interviewId, interview, answers)) {
            // the form as it was filled in, neither changed nor confirmed: no correction, and no claim of agreement
            return null;
        }
        if (problems.isEmpty()) {
            problems.addAll(corrections.problems(interviewId, interview, answers));
        }
        return new Submitted(interview, answers, confirmed, problems);
    }

    /** A slot HR changed on the form wins over the list, which a REST client may have changed instead. */
    private void overrideBySlots(UUID interviewId, Map<String, Object> variables, List<Labels> answers,
            List<FieldError> problems) {
        List<AnswerToCorrect> analysed = null;
        for (int i = 0; i < Math.min(ANSWER_SLOTS, answers.size()); i++) {
            if (!variables.containsKey(slot(i) + "Sentiment") && !variables.containsKey(slot(i) + "Themes")) {
                continue;
            }
            String themes = slot(i) + "Themes";
            var slot = new Labels(text(variables.get(slot(i) + "Sentiment")),
                    json.codes(variables.get(themes), themes, problems), null);
            if (analysed == null) {
                analysed = corrections.answers(interviewId);
            }
            if (i < analysed.size() && !sameAs(slot, analysed.get(i))) {
                answers.set(i, slot);
            }
        }
    }

    private static boolean sameAs(Labels labels, AnswerToCorrect analysed) {
        String sentiment = analysed.sentiment() == Sentiment.UNKNOWN ? null : analysed.sentiment().code();
        return Objects.equals(labels.sentiment(), sentiment) && Set.copyOf(labels.themes())
                .equals(analysed.themes().stream().map(Theme::code).collect(Collectors.toSet()));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
