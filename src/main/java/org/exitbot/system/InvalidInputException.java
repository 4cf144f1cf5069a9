package org.exitbot.system;

import java.util.List;

/** Input that passed bean validation but is still wrong (e.g. an unknown question set): a 400 with field errors. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(String field, String message) {
        super(field + " " + message);
        this.errors = List.of(new FieldError(field, message));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
