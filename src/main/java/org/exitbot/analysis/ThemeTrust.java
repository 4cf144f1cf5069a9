package org.exitbot.analysis;

import java.util.Set;

/**
 * Which themes of an analysis HR should check by hand: those on which analyses of its model and prompt version
 * have agreed with HR's corrections too rarely. The report module, which measures the agreement, declares the bean.
 */
public interface ThemeTrust {

    /** The themes to check by hand; none while the agreement is not known (too few reviews, or fewer than k). */
    Set<Theme> checkByHand(String model, String promptVersion);
}
