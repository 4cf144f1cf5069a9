package org.exitbot.system;

/** The caller could not be told apart from anyone else, e.g. a webhook call whose signature does not match: a 401. */
public class NotAuthenticatedException extends DomainException {

    public NotAuthenticatedException(String title, String detail) {
        super(title, detail);
    }
}
