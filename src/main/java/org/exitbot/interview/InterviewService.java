package org.exitbot.interview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.exitbot.questions.QuestionSetService;
import org.exitbot.questions.QuestionSetView;
import org.exitbot.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads interviews as HR sees them, and closes one with HR's review. */
@Service
public class InterviewService {

    private final InterviewRepository interviews;
    private final ReviewRepository reviews;
    private final QuestionSetService questionSets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InterviewService(InterviewRepository interviews, ReviewRepository reviews, QuestionSetService questionSets,
            ApplicationEventPublisher events, Clock clock) {
        this.interviews = interviews;
        this.reviews = reviews;
        this.questionSets = questionSets;
        this.events = events;
        this.clock = clock;
    }

    /** @throws NotFoundException when there is no such interview */
    @Transactional(readOnly = true)
    public Interview get(UUID id) {
        return interviews.findById(id)
                .orElseThrow(() -> new NotFoundException("Not found", "There is no interview " + id));
    }

    /** The interview an HR system already started for this employee and last working day, if any. */
    @Transactional(readOnly = true)
    public Optional<InterviewView> findStarted(String employeeId, LocalDate lastWorkingDay) {
        return interviews.findByEmployeeIdAndLastWorkingDay(employeeId.trim(), lastWorkingDay).stream()
                .max(Comparator.comparing(Interview::getCreatedAt))
                .map(this::view);
    }

    /** Attributed interviews only: anonymous ones are never shown person by person, only inside reports. */
    @Transactional(readOnly = true)
    public List<InterviewView> list(InterviewFilter filter, int limit) {
        var page = PageRequest.of(0, limit, Sort.by(Sort.Direction.DESC, "createdAt"));
        return interviews.findAll(filter.specification().and((root, query, cb) ->
                        cb.equal(root.get("visibility"), Visibility.ATTRIBUTED)), page).stream()
                .map(this::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Review> review(UUID interviewId) {
        return reviews.findById(interviewId);
    }

    /** Stores HR's review and closes the interview: its link stops working, and its retention begins. */
    @Transactional
    public void close(UUID interviewId, ReviewOutcome outcome, String reviewer) {
        Interview interview = interviews.findById(interviewId)
                .orElseThrow(() -> new IllegalStateException("No interview " + interviewId));
        reviews.save(new Review(interviewId, reviewer, outcome, clock.instant()));
        closed(interview);
    }

    private void closed(Interview interview) {
        interview.close(clock.instant());
        events.publishEvent(new ConversationChanged(interview.getId()));
        events.publishEvent(new InterviewClosed(interview.getId(), interview.getVisibility(), interview.getClosedAt()));
    }

    /** Closes an anonymous interview, which HR does not review: its link stops working, and its retention begins. */
    @Transactional
    public void closeWithoutReview(UUID interviewId) {
        Interview interview = interviews.findById(interviewId)
                .orElseThrow(() -> new IllegalStateException("No interview " + interviewId));
        closed(interview);
    }

    public InterviewView view(Interview interview) {
        return view(interview, questionSets.byId(interview.getQuestionSetId()));
    }

    public static InterviewView view(Interview i, QuestionSetView questionSet) {
        return new InterviewView(i.getId(), i.getEmployeeId(), i.getName(), i.getEmail(), i.getDepartment(),
                i.getRole(), i.getManager(), i.getLastWorkingDay(), i.getLocale(),
                new InterviewView.QuestionSetRef(questionSet.name(), questionSet.version()), i.getVisibility(),
                i.getStatus(), i.isLlmFallback(), i.getCreatedAt(), i.getCreatedBy(), i.getInvitedAt(),
                i.getExpiresAt(), i.getStartedAt(), i.getFinishedAt(), i.getClosedAt(), i.getProcessInstanceId(), i.isDemo());
    }
}
