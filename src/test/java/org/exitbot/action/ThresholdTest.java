package org.exitbot.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Period;
import org.exitbot.report.GroupCount;
import org.junit.jupiter.api.Test;

/** The alert threshold on k-safe counts, k = 5, at 30 % and at least 5 interviews. */
class ThresholdTest {

    static final int K = 5;
    final Threshold threshold = Threshold.of(settings(0.3, 5), K);

    @Test
    void aThemeFoundInAtLeastTheShareAndTheCountCrossesIt() {
        assertThat(threshold.crossedBy(shown(20), shown(6))).as("6 of 20 = 30 %").isTrue();
        assertThat(threshold.crossedBy(shown(12), shown(5))).as("5 of 12 = 41.7 %").isTrue();
        assertThat(threshold.crossedBy(shown(100), shown(30))).as("30 of 100 = 30 %, exactly").isTrue();
    }

    @Test
    void belowTheShareOrTheCountItDoesNot() {
        assertThat(threshold.crossedBy(shown(20), shown(5))).as("5 of 20 = 25 %").isFalse();
        assertThat(threshold.crossedBy(shown(100), shown(29))).as("29 of 100").isFalse();
        assertThat(threshold.crossedBy(shown(0), shown(0))).isFalse();
    }

    @Test
    void aGroupOrAThemeUnderKNeverCrossesItWhateverTheShare() {
        assertThat(threshold.crossedBy(suppressed(), suppressed())).as("4 of 4 = 100 %").isFalse();
        assertThat(threshold.crossedBy(shown(10), suppressed())).as("3 of 10 shows as fewer than 5").isFalse();
    }

    @Test
    void theMinimumCountIsNeverBelowK() {
        Threshold low = Threshold.of(settings(0.3, 2), K);
        assertThat(low.minCount()).isEqualTo(K);
        Threshold high = Threshold.of(settings(0.3, 8), K);
        assertThat(high.crossedBy(shown(20), shown(7))).as("7 of 20 = 35 %, but fewer than 8").isFalse();
        assertThat(high.crossedBy(shown(20), shown(8))).isTrue();
    }

    static ActionProperties settings(double share, int count) {
        return new ActionProperties(share, count, Duration.ofDays(90), Duration.ofDays(7), Period.ofMonths(6));
    }

    static GroupCount shown(int count) {
        return new GroupCount(null, count, null);
    }

    static GroupCount suppressed() {
        return new GroupCount(null, null, K);
    }
}
