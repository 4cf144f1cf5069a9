package org.exitbot.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.exitbot.load.EventDelivery.Sighting;
import org.junit.jupiter.api.Test;

class EventDeliveryTest {

    private static final Instant COMMITTED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration WITHIN = Duration.ofSeconds(1);

    @Test
    void anEventWithinTheSecondThatBroughtTheFollowUp() {
        Instant event = at(120);
        assertThat(EventDelivery.inTime(COMMITTED, List.of(at(-500), event), new Sighting(at(180), true), WITHIN)).isTrue();
    }

    @Test
    void anEventTooLate() {
        assertThat(EventDelivery.inTime(COMMITTED, List.of(at(1_500)), new Sighting(at(1_600), true), WITHIN)).isFalse();
    }

    @Test
    void onlyEventsBeforeTheCommitAsWhenAnotherNodeComputedIt() {
        assertThat(EventDelivery.inTime(COMMITTED, List.of(at(-300)), new Sighting(at(9_000), false), WITHIN)).isFalse();
    }

    @Test
    void aPollThatShowedItFirstDoesNotCountAsTheEvent() {
        // the page polled, saw the follow-up, answered; the event of that answer came after
        assertThat(EventDelivery.inTime(COMMITTED, List.of(at(400)), new Sighting(at(300), false), WITHIN)).isFalse();
    }

    @Test
    void aLoadOnAnEarlierEventThatAlreadyShowedItStillCountsWhenItsOwnEventCameInTime() {
        assertThat(EventDelivery.inTime(COMMITTED, List.of(at(-20), at(60)), new Sighting(at(30), true), WITHIN)).isTrue();
    }

    private static Instant at(long millis) {
        return COMMITTED.plusMillis(millis);
    }
}
