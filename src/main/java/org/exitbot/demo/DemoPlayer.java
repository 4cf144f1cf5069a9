package org.exitbot.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.analysis.Sentiment;
import org.exitbot.conversation.Awaiting;
import org.exitbot.conversation.Conversation;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.demo.DemoCast.Ending;
import org.exitbot.demo.DemoCast.Part;
import org.exitbot.interview.DemoBackdating;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.NewInterview;
import org.exitbot.interview.ReviewOutcome;
import org.exitbot.system.ConflictException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plays one demo interview through the app as HR and the employee would: HR starts it ({@link ExitInterviews}),
 * the employee consents, answers, stops or lets the window close ({@link Conversation}; the window's timer is made
 * due now), the process decides on follow-ups and analyses it as it does any interview (external tasks the LLM
 * worker serves, with the fallback while no LLM answers), HR completes the review task as Tasklist does, and last
 * the records are dated back to the interview's day ({@link DemoBackdating}). The interview's due jobs are run
 * here as they come, so loading never waits for the job executor.
 */
@Component
class DemoPlayer {

    static final String HR_USER = "demo";
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Duration PAUSE = Duration.ofMillis(20);

    private final ExitInterviews exitInterviews;
    private final Conversation conversation;
    private final InterviewRepository interviews;
    private final DemoAnswers answers;
    private final DemoEngine engine;
    private final Dating dating;

    /** Dates a played interview back to its day, its analyses with it. */
    @Component
    static class Dating {
        private final DemoBackdating records;
        private final AnalysisService analyses;

        Dating(DemoBackdating records, AnalysisService analyses) {
            this.records = records;
            this.analyses = analyses;
        }

        @Transactional
        void backdate(UUID interviewId) {
            analyses.backdateDemo(interviewId, records.backdate(interviewId));
        }
    }

    DemoPlayer(ExitInterviews exitInterviews, Conversation conversation, InterviewRepository interviews,
            DemoAnswers answers, DemoEngine engine, Dating dating) {
        this.exitInterviews = exitInterviews;
        this.conversation = conversation;
        this.interviews = interviews;
        this.answers = answers;
        this.engine = engine;
        this.dating = dating;
    }

    UUID play(Part part) {
        var view = exitInterviews.start(new NewInterview(part.employeeId(), part.name(), part.email(),
                part.department(), "Demo role", null, java.time.LocalDate.now(java.time.ZoneOffset.UTC),
                part.locale(), null, part.anonymous() ? "anonymous" : "attributed"), HR_USER, part.happenedAt());
        UUID id = view.id();
        String process = view.processInstanceId();
        String key = id.toString();
        waitFor(part, process, () -> conversation.now(id).awaiting().isPresent());
        conversation.consent(id, null);
        converse(part, id, process);
        waitFor(part, process, () -> engine.reviewTask(key).isPresent() || !engine.running(process)
                || status(id) == InterviewStatus.CLOSED);
        engine.reviewTask(key).ifPresent(task -> engine.review(task, HR_USER, review(part)));
        engine.runDueJobs(process);
        dating.backdate(id);
        return id;
    }

    private void converse(Part part, UUID id, String process) {
        int followUps = 0;
        while (true) {
            engine.runDueJobs(process);
            Optional<Awaiting> awaiting = conversation.now(id).awaiting();
            if (awaiting.isEmpty()) {
                if (!status(id).isConversationOpen()) {
                    return;
                }
                waitFor(part, process, () -> conversation.now(id).awaiting().isPresent()
                        || !status(id).isConversationOpen());
                continue;
            }
            Awaiting now = awaiting.get();
            if (Awaiting.REVIEW.equals(now.kind())) {
                conversation.finish(id);
            } else if (Awaiting.SUMMARY.equals(now.kind())) {
                confirmSummary(part, id);
            } else if (part.ending() != Ending.COMPLETED && now.questionNumber() >= part.endsAt()) {
                if (part.ending() == Ending.STOPPED) {
                    conversation.stop(id);
                } else {
                    engine.closeWindow(process);
                    waitFor(part, process, () -> !status(id).isConversationOpen());
                }
            } else {
                answer(part, id, now, followUps++);
            }
        }
    }

    private void answer(Part part, UUID id, Awaiting now, int followUps) {
        int index = Math.max(0, now.questionNumber() - 1) % part.moods().size();
        Sentiment mood = part.moods().get(index);
        // a follow-up gets another answer about the same theme, in the same mood
        int variant = part.number() + ("question".equals(now.kind()) ? 0 : followUps + 1);
        try {
            conversation.submitAnswer(id, now.promptId(), answers.pick(part.locale(), part.themes().get(index), mood, variant));
        } catch (ConflictException notYet) {
            pause(part);
        }
    }

    /** The demo's leavers take the summary as it was made. */
    private void confirmSummary(Part part, UUID id) {
        try {
            conversation.confirmSummary(id, conversation.summary(id).orElseThrow().version());
        } catch (ConflictException notYet) {
            pause(part);
        }
    }

    private static Map<String, Object> review(Part part) {
        return Map.of(ReviewOutcome.DEPARTURE_TYPE, part.number() % 9 == 0 ? "involuntary" : "voluntary",
                ReviewOutcome.REGRETTABLE, part.number() % 3 != 0,
                ReviewOutcome.REHIRE_ELIGIBLE, switch (part.number() % 4) {
                    case 0 -> "no";
                    case 1 -> "conditional";
                    default -> "yes";
                },
                ReviewOutcome.NOTES, "Demo review.");
    }

    private InterviewStatus status(UUID id) {
        return interviews.findById(id).map(Interview::getStatus).orElseThrow();
    }

    private void waitFor(Part part, String process, BooleanSupplier done) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("Demo interview " + part.employeeId() + " did not get on within "
                        + PATIENCE);
            }
            engine.runDueJobs(process);
            pause(part);
        }
    }

    private static void pause(Part part) {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo interview " + part.employeeId() + " interrupted", e);
        }
    }
}
