package org.exitbot.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.exitbot.load.PageState.PageMessage;
import org.junit.jupiter.api.Test;

class TranscriptFiguresTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void overheadRunsFromEachAnswerToTheBotsNextMessage() {
        var figures = TranscriptFigures.of(List.of(
                bot(1, "welcome", 0), bot(2, "question", 10),
                answer(3, "Pay.", 1_000), bot(4, "follow_up", 1_250),
                answer(5, "Mostly pay.", 2_000), bot(6, "question", 2_900),
                answer(7, "Fine.", 5_000), bot(8, "closing", 9_000)), List.of("Pay.", "Mostly pay.", "Fine."));

        // the last answer is followed by the review and the closing words, not by a reply
        assertThat(figures.overheadMillis()).containsExactly(250L, 900L);
        assertThat(figures.lost()).isZero();
        assertThat(figures.duplicated()).isZero();
        assertThat(figures.stored()).isEqualTo(3);
    }

    @Test
    void countsAnswersLostAndStoredTwice() {
        var figures = TranscriptFigures.of(List.of(
                answer(1, "A", 0), answer(2, "A", 10), answer(3, "C", 20)), List.of("A", "B", "C"));

        assertThat(figures.sent()).isEqualTo(3);
        assertThat(figures.stored()).isEqualTo(3);
        assertThat(figures.lost()).isEqualTo(1);
        assertThat(figures.duplicated()).isEqualTo(1);
        assertThat(figures.overheadMillis()).isEmpty();
    }

    @Test
    void percentilesByNearestRank() {
        var stats = Stats.of(List.of(5L, 1L, 4L, 2L, 3L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L));

        assertThat(stats).isEqualTo(new Stats(20, 10, 19, 20));
        assertThat(Stats.of(List.of())).isEqualTo(Stats.NONE);
    }

    private static PageMessage bot(long id, String kind, long millis) {
        return new PageMessage(id, "bot", kind, 1, kind, T.plusMillis(millis));
    }

    private static PageMessage answer(long id, String text, long millis) {
        return new PageMessage(id, "employee", "answer", 1, text, T.plusMillis(millis));
    }
}
