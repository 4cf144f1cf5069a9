package org.exitbot.system;

import java.util.List;
import java.util.stream.Collectors;

/** Input that is wrong (e.g. an unknown question set, or a CSV row that fails validation): a 400 with field errors. */
public class InvalidInputException extends DomainException {

    private final List<FieldError> errors;

    public InvalidInputException(String field, String message) {
        super("Invalid input", field + " " + message);
        this.errors = List.of(new FieldError(field, message));
    }

    public InvalidInputException(List<FieldError> errors) {
        super("Invalid input", errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
