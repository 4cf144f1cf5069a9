package org.exitbot.system;

/**
 * A request the domain refuses, in words the caller can act on: {@code title} names the problem, the message
 * explains it. Services throw its subtypes; {@link ApiExceptionHandler} alone turns them into HTTP problems.
 */
public abstract class DomainException extends RuntimeException {

    private final String title;

    protected DomainException(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
