package org.exitbot.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exitbot.analysis.Sentiment;
import org.exitbot.analysis.Theme;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.Visibility;

/**
 * One interview as reports see it: its state, its current analysis and HR's review. Identity fields are for
 * attributed interviews only; reports never show them for anonymous ones.
 *
 * @param finishedAs        how the conversation ended (completed, stopped, expired), null while it runs
 * @param scriptedFollowUps the follow-ups of the question set's script, asked while the LLM was unavailable
 * @param demo              generated demo data (EXITBOT_DEMO_DATA), not a real leaver
 */
public record InterviewFact(UUID id, String employeeId, String name, String department, Visibility visibility,
        InterviewStatus status, InterviewStatus finishedAs, LocalDate lastWorkingDay, Instant createdAt,
        Instant invitedAt, Instant startedAt, Instant finishedAt, Instant closedAt, boolean llmFallback,
        int scriptedFollowUps, Sentiment sentiment, Double score, Theme mainReason, List<Theme> themes, String departureType,
        Boolean regrettable, String rehireEligible, boolean demo) {

    boolean completed() {
        return finishedAs == InterviewStatus.COMPLETED;
    }

    boolean ended() {
        return finishedAs != null;
    }

    boolean reviewed() {
        return status == InterviewStatus.CLOSED;
    }

    boolean analysed() {
        return score != null;
    }

    boolean anonymous() {
        return visibility == Visibility.ANONYMOUS;
    }
}
