package org.exitbot.system;

/** Something the request needs is not available at the moment (the LLM); trying later may work: a 503. */
public class UnavailableException extends DomainException {

    public UnavailableException(String title, String detail) {
        super(title, detail);
    }
}
