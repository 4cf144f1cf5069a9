package org.exitbot.conversation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.exitbot.interview.NewInterview;
import org.exitbot.system.InvalidInputException;

/** The fields of {@code forms/start-interview.form}, HR's way to start an interview from Tasklist. */
final class StartForm {

    static final List<String> FIELDS = List.of("employeeId", "name", "email", "department", "role", "manager",
            "lastWorkingDay", "locale", "questionSet", "visibility");

    private StartForm() {
    }

    static NewInterview read(VariableScope variables) {
        return new NewInterview(text(variables, "employeeId"), text(variables, "name"), text(variables, "email"),
                text(variables, "department"), text(variables, "role"), text(variables, "manager"),
                date(text(variables, "lastWorkingDay")), text(variables, "locale"), text(variables, "questionSet"),
                text(variables, "visibility"));
    }

    private static String text(VariableScope variables, String name) {
        Object value = variables.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            // form-js date pickers submit 2026-12-31; a datetime field would add a time
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("lastWorkingDay", "must be an ISO date such as 2026-12-31");
        }
    }
}
