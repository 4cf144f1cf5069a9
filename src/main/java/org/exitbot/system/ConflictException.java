package org.exitbot.system;

import java.util.Map;

/** Not now or not twice: the state of things refuses the request (an open interview exists already, the step is not due yet): a 409. */
public class ConflictException extends DomainException {

    public ConflictException(String title, String detail) {
        super(title, detail);
    }

    public ConflictException(String title, String detail, Map<String, Object> properties) {
        super(title, detail, properties);
    }
}
