package org.exitbot.privacy;

import org.exitbot.interview.Interview;
import org.exitbot.interview.Visibility;

/**
 * What HR may read of one interview: all of a named one; of an anonymous one only what the funnel needs (that it
 * was started, finished and closed, and when), never its words, nor who it was with. The words of anonymous
 * interviews reach HR only inside the reports and the anonymous comments, joined to no interview.
 */
public final class HrView {

    private HrView() {
    }

    /** Whether HR may read this interview's words person by person. */
    public static boolean showsWords(Interview interview) {
        return interview.getVisibility() != Visibility.ANONYMOUS;
    }
}
