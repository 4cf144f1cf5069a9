package org.exitbot.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether a page's event stream brought a follow-up in time: a {@code state} event arrived on the page's stream
 * within {@code within} after the follow-up's timestamp (just before its commit), and before the page had the
 * follow-up by other means (a poll, or the answer of its own request). The page may have fetched it on an earlier
 * event, if a later one still came in time.
 */
final class EventDelivery {

    /** When and how a page first showed a message. */
    record Sighting(Instant at, boolean byEvent) {
    }

    private EventDelivery() {
    }

    static boolean inTime(Instant committed, List<Instant> stateEvents, Sighting firstSeen, Duration within) {
        Instant deadline = committed.plus(within);
        for (Instant event : stateEvents) {
            boolean inWindow = !event.isBefore(committed) && !event.isAfter(deadline);
            boolean beforeOtherMeans = firstSeen == null || firstSeen.byEvent() || !event.isAfter(firstSeen.at());
            if (inWindow && beforeOtherMeans) {
                return true;
            }
        }
        return false;
    }
}
