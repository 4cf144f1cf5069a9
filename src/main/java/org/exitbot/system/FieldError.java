package org.exitbot.system;

/** One invalid input field, as listed in a 400 problem's {@code errors}. */
public record FieldError(String field, String message) {
}
