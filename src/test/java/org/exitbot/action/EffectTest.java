package org.exitbot.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.exitbot.action.Effect.Verdict;
import org.exitbot.report.GroupCount;
import org.junit.jupiter.api.Test;

/** The effect of an action from k-safe counts before and after, k = 5; every figure computed by hand. */
class EffectTest {

    static final int K = 5;

    @Test
    void aShareThatFellIsMeasuredInPoints() {
        Effect effect = Effect.of(share(20, 9), share(25, 5));
        assertThat(effect.verdict()).isEqualTo(Verdict.FELL);
        assertThat(effect.changeInPoints()).as("20 % - 45 %").isEqualTo(-25.0);
        assertThat(effect.summary()).isEqualTo("Fell from 45.0 % (9 of 20) to 20.0 % (5 of 25), 25.0 points less.");
    }

    @Test
    void aShareThatRoseIsMeasuredInPoints() {
        Effect effect = Effect.of(share(20, 6), share(30, 12));
        assertThat(effect.verdict()).isEqualTo(Verdict.ROSE);
        assertThat(effect.changeInPoints()).as("40 % - 30 %").isEqualTo(10.0);
        assertThat(effect.summary()).isEqualTo("Rose from 30.0 % (6 of 20) to 40.0 % (12 of 30), 10.0 points more.");
    }

    @Test
    void equalSharesOfDifferentGroupsAreUnchanged() {
        Effect effect = Effect.of(share(20, 6), share(30, 9));
        assertThat(effect.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(effect.changeInPoints()).isEqualTo(0.0);
        assertThat(effect.summary()).isEqualTo("Unchanged at 30.0 % (6 of 20 before, 9 of 30 after).");
    }

    @Test
    void aThemeCountUnderKAfterwardsStillShowsAFallWhenEvenItsUpperBoundIsLower() {
        // after: 1 to 4 of 24, at most 16.7 %, below 45 %
        Effect effect = Effect.of(share(20, 9), suppressedShare(24));
        assertThat(effect.verdict()).isEqualTo(Verdict.FELL);
        assertThat(effect.changeInPoints()).as("not exact").isNull();
        assertThat(effect.summary()).isEqualTo("Fell from 45.0 % (9 of 20) to under 20.8 % (fewer than 5 of 24).");
        // after: at most 4 of 20 = 20 %, below 5 of 20 = 25 %
        assertThat(Effect.of(share(20, 5), suppressedShare(20)).verdict()).isEqualTo(Verdict.FELL);
        // before: 1 to 4 of 40, at most 10 %; after 6 of 20 = 30 %
        assertThat(Effect.of(suppressedShare(40), share(20, 6)).verdict()).isEqualTo(Verdict.ROSE);
    }

    @Test
    void whereTheSuppressedRangeOverlapsItCannotTell() {
        // after: 1 to 4 of 10, between 10 % and 40 %; before 5 of 25 = 20 %
        Effect effect = Effect.of(share(25, 5), suppressedShare(10));
        assertThat(effect.verdict()).isEqualTo(Verdict.UNCLEAR);
        assertThat(effect.summary()).isEqualTo("Cannot tell: 20.0 % (5 of 25) before, under 50.0 % (fewer than 5 of 10)"
                + " after; counts under 5 are not shown, and the change may lie within them.");
    }

    @Test
    void fewerThanKInterviewsOnEitherSideAreTooFewToTell() {
        Effect after = Effect.of(share(20, 9), new Share(new GroupCount(null, null, K), new GroupCount(null, null, K), K));
        assertThat(after.verdict()).isEqualTo(Verdict.TOO_FEW);
        assertThat(after.changeInPoints()).isNull();
        assertThat(after.summary()).isEqualTo("Too few interviews to tell: 20 analysed interviews before the action"
                + " and fewer than 5 after; at least 5 are needed on each side.");
        assertThat(Effect.of(share(20, 9), share(0, 0)).verdict()).as("no interviews at all after").isEqualTo(Verdict.TOO_FEW);
        assertThat(Effect.of(new Share(new GroupCount(null, null, K), new GroupCount(null, null, K), K), share(20, 2))
                .verdict()).isEqualTo(Verdict.TOO_FEW);
    }

    @Test
    void sharesShowAsTheReportsShowCounts() {
        assertThat(share(20, 9).cell()).isEqualTo("45.0 %");
        assertThat(suppressedShare(24).cell()).isEqualTo("under 20.8 %");
        assertThat(share(3, 3).cell()).as("fewer than k interviews").isEqualTo("–");
    }

    static Share share(int interviews, int withTheme) {
        return new Share(GroupCountOf.count(interviews), GroupCountOf.count(withTheme), K);
    }

    static Share suppressedShare(int interviews) {
        return new Share(GroupCountOf.count(interviews), new GroupCount(null, null, K), K);
    }

    /** As the reports build them: 1 to k - 1 suppressed, 0 shown. */
    static final class GroupCountOf {
        static GroupCount count(int count) {
            return count > 0 && count < K ? new GroupCount(null, null, K) : new GroupCount(null, count, null);
        }
    }
}
