package org.exitbot.system;

/** It existed but is no longer usable, e.g. an expired or closed interview link: a 410. */
public class GoneException extends DomainException {

    public GoneException(String title, String detail) {
        super(title, detail);
    }
}
