package org.exitbot.action;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What happened to a theme's share of exits after an action, from the k-safe counts before and after. Where a
 * suppressed count leaves the shares' ranges overlapping, it says it cannot tell rather than guess.
 */
record Effect(Verdict verdict, Share before, Share after) {

    enum Verdict {
        FELL, ROSE, UNCHANGED, UNCLEAR, TOO_FEW;

        @JsonValue
        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Effect of(Share before, Share after) {
        if (before.tooFew() || after.tooFew()) {
            return new Effect(Verdict.TOO_FEW, before, after);
        }
        if (less(after.high(), after.of(), before.low(), before.of())) {
            return new Effect(Verdict.FELL, before, after);
        }
        if (less(before.high(), before.of(), after.low(), after.of())) {
            return new Effect(Verdict.ROSE, before, after);
        }
        if (before.exact() && after.exact()) {
            return new Effect(Verdict.UNCHANGED, before, after);
        }
        return new Effect(Verdict.UNCLEAR, before, after);
    }

    /** a/b < c/d, without rounding */
    private static boolean less(long a, long b, long c, long d) {
        return a * d < c * b;
    }

    /** After minus before, in percentage points, where both shares are exact; else null. */
    Double changeInPoints() {
        if (verdict == Verdict.TOO_FEW || !before.exact() || !after.exact()) {
            return null;
        }
        return Math.round((after.percent() - before.percent()) * 10) / 10.0;
    }

    String summary() {
        return switch (verdict) {
            case TOO_FEW -> "Too few interviews to tell: " + before.interviews().shown() + " analysed interviews before"
                    + " the action and " + after.interviews().shown() + " after; at least " + before.k()
                    + " are needed on each side.";
            case FELL -> "Fell from " + before.shown() + " to " + after.shown() + points(" less.");
            case ROSE -> "Rose from " + before.shown() + " to " + after.shown() + points(" more.");
            case UNCHANGED -> "Unchanged at " + String.format(Locale.ROOT, "%.1f %%", after.percent()) + " ("
                    + before.theme().count() + " of " + before.of() + " before, " + after.theme().count() + " of "
                    + after.of() + " after).";
            case UNCLEAR -> "Cannot tell: " + before.shown() + " before, " + after.shown() + " after; counts under "
                    + before.k() + " are not shown, and the change may lie within them.";
        };
    }

    private String points(String direction) {
        Double change = changeInPoints();
        return change == null ? "." : String.format(Locale.ROOT, ", %.1f points%s", Math.abs(change), direction);
    }
}
