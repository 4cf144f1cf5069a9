package org.exitbot.chat;

import java.time.Clock;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewLinks;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.system.GoneException;
import org.exitbot.system.NotFoundException;
import org.springframework.stereotype.Component;

/** The interview behind an employee's link, while the link still opens it. */
@Component
class ChatLinks {

    private final InterviewLinks links;
    private final Clock clock;

    ChatLinks(InterviewLinks links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /**
     * @throws NotFoundException for a token that opens nothing, saying nothing about any interview
     * @throws GoneException     for a link that expired or was closed
     */
    Interview usable(String token) {
        Interview interview = links.find(token).orElseThrow(() -> new NotFoundException("Link not found",
                "This link does not open an interview. Please check that you copied all of it."));
        boolean revoked = interview.getLinkRevokedAt() != null || interview.getStatus() == InterviewStatus.CLOSED;
        boolean expired = interview.getStatus() == InterviewStatus.EXPIRED
                || interview.getExpiresAt() != null && clock.instant().isAfter(interview.getExpiresAt());
        if (revoked || expired) {
            throw new GoneException("Link no longer valid",
                    "This interview link has " + (revoked ? "been closed" : "expired") + ".");
        }
        return interview;
    }
}
