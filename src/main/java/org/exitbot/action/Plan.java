package org.exitbot.action;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.exitbot.action.ThemeActionProcess.Var;
import org.exitbot.system.FieldError;

/** What HR enters in "Plan an action": who owns it, what they will do, by when, and how success shows. */
record Plan(String owner, String action, String dueDate, String successMeasure) {

    static final int MAX_ACTION = 5000;
    static final int MAX_MEASURE = 2000;

    static Plan from(Map<String, Object> variables) {
        return new Plan(text(variables.get(Var.OWNER)), text(variables.get(Var.ACTION)),
                text(variables.get(Var.DUE_DATE)), text(variables.get(Var.SUCCESS_MEASURE)));
    }

    /** @param owners the users who may own an action */
    List<FieldError> problems(Collection<String> owners, LocalDate today) {
        var problems = new ArrayList<FieldError>();
        if (owner == null) {
            problems.add(new FieldError(Var.OWNER, "must be chosen"));
        } else if (!owners.contains(owner)) {
            problems.add(new FieldError(Var.OWNER, "must be a member of group hr"));
        }
        required(problems, Var.ACTION, action, MAX_ACTION);
        required(problems, Var.SUCCESS_MEASURE, successMeasure, MAX_MEASURE);
        dueDateProblem(Var.DUE_DATE, dueDate, today).ifPresent(problems::add);
        return problems;
    }

    LocalDate due() {
        return LocalDate.parse(dueDate);
    }

    /** A due date is an ISO date after today. */
    static java.util.Optional<FieldError> dueDateProblem(String field, String value, LocalDate today) {
        if (value == null) {
            return java.util.Optional.of(new FieldError(field, "must be given"));
        }
        try {
            if (!LocalDate.parse(value).isAfter(today)) {
                return java.util.Optional.of(new FieldError(field, "must be after today"));
            }
            return java.util.Optional.empty();
        } catch (DateTimeParseException e) {
            return java.util.Optional.of(new FieldError(field, "must be a date such as 2027-03-31"));
        }
    }

    private static void required(List<FieldError> problems, String field, String value, int max) {
        if (value == null) {
            problems.add(new FieldError(field, "must not be blank"));
        } else if (value.length() > max) {
            problems.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    /** Blank is none; Tasklist may send a date as text or as a date. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof java.util.Date date
                ? LocalDate.ofInstant(date.toInstant(), java.time.ZoneOffset.UTC).toString()
                : value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
