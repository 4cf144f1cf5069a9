package org.exitbot.interview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exitbot.system.FieldError;

/**
 * What HR records in the review: the fields of {@code forms/hr-review.form}.
 *
 * @param rehireEligible yes, no or conditional
 */
public record ReviewOutcome(String departureType, Boolean regrettable, String rehireEligible, String actions,
        String notes) {

    public static final String DEPARTURE_TYPE = "departureType";
    public static final String REGRETTABLE = "regrettable";
    public static final String REHIRE_ELIGIBLE = "rehireEligible";
    public static final String ACTIONS = "actions";
    public static final String NOTES = "notes";

    private static final List<String> DEPARTURE_TYPES = List.of("voluntary", "involuntary");
    private static final List<String> REHIRE_CHOICES = List.of("yes", "no", "conditional");
    private static final int MAX_TEXT = 10_000;

    public static ReviewOutcome from(Map<String, Object> variables) {
        Object regrettable = variables.get(REGRETTABLE);
        return new ReviewOutcome(text(variables.get(DEPARTURE_TYPE)),
                regrettable instanceof Boolean b ? b : regrettable == null ? null : Boolean.valueOf(regrettable.toString()),
                text(variables.get(REHIRE_ELIGIBLE)), text(variables.get(ACTIONS)), text(variables.get(NOTES)));
    }

    public List<FieldError> problems() {
        var problems = new ArrayList<FieldError>();
        if (departureType == null || !DEPARTURE_TYPES.contains(departureType)) {
            problems.add(new FieldError(DEPARTURE_TYPE, "must be voluntary or involuntary"));
        }
        if (regrettable == null) {
            problems.add(new FieldError(REGRETTABLE, "must be answered"));
        }
        if (rehireEligible == null || !REHIRE_CHOICES.contains(rehireEligible)) {
            problems.add(new FieldError(REHIRE_ELIGIBLE, "must be yes, no or conditional"));
        }
        if (actions != null && actions.length() > MAX_TEXT) {
            problems.add(new FieldError(ACTIONS, "must be at most " + MAX_TEXT + " characters"));
        }
        if (notes != null && notes.length() > MAX_TEXT) {
            problems.add(new FieldError(NOTES, "must be at most " + MAX_TEXT + " characters"));
        }
        return problems;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
