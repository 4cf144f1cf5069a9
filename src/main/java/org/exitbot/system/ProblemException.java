package org.exitbot.system;

import org.springframework.http.HttpStatus;

/** An error the API reports as a problem detail with this status; the message is shown to the caller. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public ProblemException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
