package org.exitbot.conversation;

import java.util.UUID;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.Visibility;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether HR reviews the interview (the exit process's gateway asks): only when the employee is named. A review
 * of one anonymous interview would be a view of one person's words, so an anonymous one closes without it and
 * counts in the reports only. Read from the interview, not from a variable a task completion could set.
 */
@Component
public class ReviewRoute {

    private final InterviewRepository interviews;

    ReviewRoute(InterviewRepository interviews) {
        this.interviews = interviews;
    }

    @Transactional(readOnly = true)
    public boolean reviewedByHr(String interviewId) {
        return interviews.findById(UUID.fromString(interviewId))
                .map(interview -> interview.getVisibility() != Visibility.ANONYMOUS)
                .orElseThrow(() -> new IllegalStateException("No interview " + interviewId));
    }
}
