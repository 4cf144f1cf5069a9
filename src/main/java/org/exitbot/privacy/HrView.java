package org.exitbot.privacy;

import java.util.function.UnaryOperator;
import org.exitbot.interview.Interview;
import org.exitbot.interview.Visibility;

/**
 * What HR may read of an interview's free text: everything for an attributed interview; for an anonymous one the
 * text with e-mails, phone numbers, links and the names of the employee and their manager redacted.
 */
public final class HrView {

    private HrView() {
    }

    public static UnaryOperator<String> of(Interview interview) {
        if (interview.getVisibility() != Visibility.ANONYMOUS) {
            return UnaryOperator.identity();
        }
        return Redactor.of(interview.knownNames());
    }
}
