package org.exitbot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewLinks;
import org.exitbot.interview.InterviewProperties;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.Transcripts;
import org.exitbot.questions.QuestionSetService;
import org.exitbot.questions.QuestionSetView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The first step of an interview: its link, its deadlines and the welcome. */
@Service
class InterviewPreparation {

    private final InterviewRepository interviews;
    private final InterviewLinks links;
    private final QuestionSetService questionSets;
    private final Transcripts transcripts;
    private final BotMessages bot;
    private final InterviewProperties properties;
    private final Clock clock;

    InterviewPreparation(InterviewRepository interviews, InterviewLinks links, QuestionSetService questionSets,
            Transcripts transcripts, BotMessages bot, InterviewProperties properties, Clock clock) {
        this.interviews = interviews;
        this.links = links;
        this.questionSets = questionSets;
        this.transcripts = transcripts;
        this.bot = bot;
        this.properties = properties;
        this.clock = clock;
    }

    /** When the reminder goes out, when the response window closes, and how many questions there are. */
    record Schedule(Instant reminderAt, Instant expiresAt, int questionCount) {
    }

    @Transactional
    Schedule prepare(UUID interviewId) {
        Interview interview = interviews.findById(interviewId)
                .orElseThrow(() -> new BadUserRequestException("No interview " + interviewId));
        if (interview.getLinkHash() != null) {
            // a second process started with this interview's id (engine-rest) would mail it a new link
            throw new BadUserRequestException("Interview " + interviewId + " has its process already");
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.responseWindow());
        links.issue(interview, now, expiresAt);
        QuestionSetView questionSet = questionSets.byId(interview.getQuestionSetId());
        transcripts.add(interviewId, MessageKind.WELCOME, null, null,
                bot.welcome(interview.getLocale(), questionSet.size()), BotMessages.BOT);
        return new Schedule(reminderTime(now, expiresAt), expiresAt, questionSet.size());
    }

    private Instant reminderTime(Instant now, Instant expiresAt) {
        Instant reminderAt = expiresAt.minus(properties.reminderBeforeExpiry());
        // A reminder within a day of the invitation only repeats it: schedule it past the expiry, where it never fires.
        return reminderAt.isBefore(now.plus(Duration.ofDays(1))) ? expiresAt.plusSeconds(1) : reminderAt;
    }
}
