package org.exitbot.action;

import java.util.Locale;
import org.exitbot.report.GroupCount;

/**
 * A theme's share of a group's analysed interviews over a period, as the k-safe counts tell it: exact, or, where
 * the theme's count is suppressed (1 to k - 1), between {@code 1/n} and {@code (k-1)/n}.
 */
record Share(GroupCount interviews, GroupCount theme, int k) {

    /** Fewer than k analysed interviews (none included): nothing can be said about the share. */
    boolean tooFew() {
        return interviews.suppressed() || interviews.count() < k;
    }

    boolean exact() {
        return !theme.suppressed();
    }

    /** The numerators of the bounds, over {@link #of()}. */
    long low() {
        return exact() ? theme.count() : 1;
    }

    long high() {
        return exact() ? theme.count() : k - 1;
    }

    long of() {
        return interviews.count();
    }

    /** In percent, exact shares only. */
    double percent() {
        return 100.0 * theme.count() / interviews.count();
    }

    String shown() {
        if (tooFew()) {
            return interviews.shown() + " interviews";
        }
        if (exact()) {
            return String.format(Locale.ROOT, "%.1f %% (%d of %d)", percent(), theme.count(), interviews.count());
        }
        return String.format(Locale.ROOT, "under %.1f %% (fewer than %d of %d)", 100.0 * k / interviews.count(), k,
                interviews.count());
    }

    /** The share as a table cell: a figure, a bound, or a dash where there are too few interviews. */
    String cell() {
        if (tooFew()) {
            return "–";
        }
        return exact() ? String.format(Locale.ROOT, "%.1f %%", percent())
                : String.format(Locale.ROOT, "under %.1f %%", 100.0 * k / interviews.count());
    }
}
