package org.exitbot.system;

/** There is no such thing (an interview, a question set, a link): a 404. */
public class NotFoundException extends DomainException {

    public NotFoundException(String title, String detail) {
        super(title, detail);
    }
}
