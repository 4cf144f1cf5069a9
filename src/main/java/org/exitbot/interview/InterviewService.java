package org.exitbot.interview;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.questions.QuestionSetNotFoundException;
import org.exitbot.questions.QuestionSetService;
import org.exitbot.questions.QuestionSetView;
import org.exitbot.system.FieldError;
import org.exitbot.system.InvalidInputException;
import org.exitbot.system.ProblemException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * HR's side of interviews: start one, list them, read one. Every way of starting (REST, CSV upload, webhook,
 * Tasklist start form) goes through {@link #start} or {@link #register}, with the same validation and the same
 * one-open-interview-per-employee rule.
 */
@Service
public class InterviewService {

    private final InterviewRepository interviews;
    private final ReviewRepository reviews;
    private final QuestionSetService questionSets;
    private final Transcripts transcripts;
    private final AnalysisService analyses;
    private final RuntimeService runtimeService;
    private final InterviewProperties properties;
    private final Validator validator;
    private final WebhookReceipts receipts;
    private final Clock clock;

    InterviewService(InterviewRepository interviews, ReviewRepository reviews, QuestionSetService questionSets,
            Transcripts transcripts, AnalysisService analyses, RuntimeService runtimeService,
            InterviewProperties properties, Validator validator, WebhookReceipts receipts, Clock clock) {
        this.interviews = interviews;
        this.reviews = reviews;
        this.questionSets = questionSets;
        this.transcripts = transcripts;
        this.analyses = analyses;
        this.runtimeService = runtimeService;
        this.properties = properties;
        this.validator = validator;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** Creates the interview and starts its process; the invitation goes out once this commits. */
    @Transactional
    public InterviewView start(NewInterview request, String hrUser) {
        Registered registered = create(request, hrUser);
        Interview interview = registered.interview();
        var instance = runtimeService.startProcessInstanceByKey(ExitInterviewProcess.KEY, interview.getId().toString(),
                Variables.createVariables()
                        .putValue(ExitInterviewProcess.Var.INTERVIEW_ID, interview.getId().toString())
                        .putValue(ExitInterviewProcess.Var.QUESTION_COUNT, registered.questionSet().size()));
        interview.attachProcess(instance.getProcessInstanceId());
        return view(interview, registered.questionSet());
    }

    /** Creates the interview of a process that is already starting: the one HR started from Tasklist's form. */
    @Transactional
    public InterviewView register(NewInterview request, String hrUser, String processInstanceId) {
        Registered registered = create(request, hrUser);
        registered.interview().attachProcess(processInstanceId);
        return view(registered.interview(), registered.questionSet());
    }

    /** The interview an HR system already started for this employee and last working day, if any. */
    @Transactional(readOnly = true)
    public Optional<InterviewView> findStarted(String employeeId, LocalDate lastWorkingDay) {
        return interviews.findByEmployeeIdAndLastWorkingDay(employeeId.trim(), lastWorkingDay).stream()
                .max(Comparator.comparing(Interview::getCreatedAt))
                .map(interview -> view(interview, questionSets.byId(interview.getQuestionSetId())));
    }

    /** Attributed interviews only: anonymous ones are never shown person by person, only inside reports. */
    @Transactional(readOnly = true)
    public List<InterviewView> list(InterviewFilter filter, int limit) {
        var page = PageRequest.of(0, limit, Sort.by(Sort.Direction.DESC, "createdAt"));
        return interviews.findAll(filter.specification().and((root, query, cb) ->
                        cb.equal(root.get("visibility"), Visibility.ATTRIBUTED)), page).stream()
                .map(interview -> view(interview, questionSets.byId(interview.getQuestionSetId())))
                .toList();
    }

    /** One interview; an anonymous one without who it was with, and its free text redacted. */
    @Transactional(readOnly = true)
    public InterviewDetails details(UUID id) {
        Interview interview = interviews.findById(id)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "Not found", "There is no interview " + id));
        UnaryOperator<String> shownToHr = HrView.of(interview);
        InterviewView view = view(interview, questionSets.byId(interview.getQuestionSetId()));
        return new InterviewDetails(interview.getVisibility() == Visibility.ANONYMOUS ? view.withoutIdentity() : view,
                transcripts.messages(id).stream().map(m -> InterviewDetails.TranscriptLine.of(m, shownToHr)).toList(),
                analyses.current(id).map(analysis -> analysis.redacted(shownToHr)).orElse(null),
                reviews.findById(id).map(review -> InterviewDetails.ReviewView.of(review, shownToHr)).orElse(null));
    }

    private record Registered(Interview interview, QuestionSetView questionSet) {
    }

    private Registered create(NewInterview request, String hrUser) {
        checkConstraints(request);
        NewInterview details = request.withDefaults(properties.defaultLocale(), properties.defaultQuestionSet(),
                properties.defaultVisibility());
        if (!properties.locales().contains(details.locale())) {
            throw new InvalidInputException("locale", "must be one of " + String.join(", ", properties.locales()));
        }
        if (interviews.existsByOpenEmployeeId(details.employeeId())) {
            throw duplicate(details.employeeId());
        }
        QuestionSetView questionSet;
        try {
            questionSet = questionSets.latest(details.questionSet(), details.locale());
        } catch (QuestionSetNotFoundException e) {
            throw new InvalidInputException("questionSet", e.getMessage().replaceFirst("^There is", "there is"));
        }
        var interview = new Interview(UUID.randomUUID(), details, questionSet.id(),
                Visibility.valueOf(details.visibility().toUpperCase(Locale.ROOT)), hrUser, clock.instant());
        try {
            interviews.saveAndFlush(interview);
        } catch (DataIntegrityViolationException raceWithAnotherStart) {
            throw duplicate(details.employeeId());
        }
        // however it was started, the offboarding webhook never starts this leaver's interview again
        receipts.recordLeaver(details.employeeId(), details.lastWorkingDay());
        return new Registered(interview, questionSet);
    }

    /** The REST API checks these already; a CSV row, a webhook call or a Tasklist form arrives unchecked. */
    private void checkConstraints(NewInterview request) {
        var errors = validator.validate(request).stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static ProblemException duplicate(String employeeId) {
        return new ProblemException(HttpStatus.CONFLICT, "Interview already open",
                "Employee " + employeeId + " already has an open exit interview");
    }

    static InterviewView view(Interview i, QuestionSetView questionSet) {
        return new InterviewView(i.getId(), i.getEmployeeId(), i.getName(), i.getEmail(), i.getDepartment(),
                i.getRole(), i.getManager(), i.getLastWorkingDay(), i.getLocale(),
                new InterviewView.QuestionSetRef(questionSet.name(), questionSet.version()), i.getVisibility(),
                i.getStatus(), i.isLlmFallback(), i.getCreatedAt(), i.getCreatedBy(), i.getInvitedAt(),
                i.getExpiresAt(), i.getStartedAt(), i.getFinishedAt(), i.getClosedAt(), i.getProcessInstanceId());
    }
}
