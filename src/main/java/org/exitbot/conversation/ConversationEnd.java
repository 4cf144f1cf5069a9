package org.exitbot.conversation;

import java.time.Clock;
import java.util.UUID;
import org.exitbot.interview.ConversationChanged;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.InterviewService;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.ReviewOutcome;
import org.exitbot.interview.Transcripts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the conversation ends (completed, stopped, expired), and how the interview closes: after HR's review, or
 * without one when it is anonymous.
 */
@Service
class ConversationEnd {

    private final InterviewRepository interviews;
    private final InterviewService interviewService;
    private final Transcripts transcripts;
    private final BotMessages bot;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final InterviewCounts counts;

    ConversationEnd(InterviewRepository interviews, InterviewService interviewService, Transcripts transcripts,
            BotMessages bot, ApplicationEventPublisher events, Clock clock, InterviewCounts counts) {
        this.interviews = interviews;
        this.interviewService = interviewService;
        this.transcripts = transcripts;
        this.bot = bot;
        this.events = events;
        this.clock = clock;
        this.counts = counts;
    }

    @Transactional
    public void complete(UUID interviewId) {
        Interview interview = finish(interviewId, InterviewStatus.COMPLETED);
        transcripts.add(interviewId, MessageKind.CLOSING, null, null, bot.thanks(interview.getLocale()), BotMessages.BOT);
    }

    @Transactional
    public void recordStop(UUID interviewId) {
        Interview interview = finish(interviewId, InterviewStatus.STOPPED);
        transcripts.add(interviewId, MessageKind.CLOSING, null, null, bot.stopped(interview.getLocale()), BotMessages.BOT);
    }

    @Transactional
    public void markExpired(UUID interviewId) {
        finish(interviewId, InterviewStatus.EXPIRED);
        events.publishEvent(new ConversationChanged(interviewId));
    }

    @Transactional
    public void close(UUID interviewId, ReviewOutcome outcome, String reviewer) {
        interviewService.close(interviewId, outcome, reviewer);
    }

    /** An anonymous interview closes without HR's review; its words leave it as it closes. */
    @Transactional
    public void closeWithoutReview(UUID interviewId) {
        interviewService.closeWithoutReview(interviewId);
    }

    private Interview finish(UUID interviewId, InterviewStatus outcome) {
        Interview interview = interviews.findById(interviewId)
                .orElseThrow(() -> new IllegalStateException("No interview " + interviewId));
        interview.finish(outcome, clock.instant());
        counts.ended(outcome);
        return interview;
    }
}
