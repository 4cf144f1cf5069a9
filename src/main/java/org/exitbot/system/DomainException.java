package org.exitbot.system;

import java.util.Map;

/**
 * A request the domain refuses, in words the caller can act on: {@code title} names the problem, the message
 * explains it. Services throw its subtypes; {@link ApiExceptionHandler} alone turns them into HTTP problems.
 */
public abstract class DomainException extends RuntimeException {

    private final String title;
    private final Map<String, Object> properties;

    protected DomainException(String title, String detail) {
        this(title, detail, Map.of());
    }

    /** @param properties more members of the problem detail, such as the state the caller should now see */
    protected DomainException(String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
