package org.exitbot.interview;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import org.exitbot.questions.QuestionSetNotFoundException;
import org.exitbot.questions.QuestionSetService;
import org.exitbot.questions.QuestionSetView;
import org.exitbot.system.ConflictException;
import org.exitbot.system.FieldError;
import org.exitbot.system.InvalidInputException;
import org.exitbot.system.Languages;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the record of an interview HR asks for, whichever way they ask (REST, CSV upload, webhook, Tasklist
 * start form): the same validation, the same defaults, and one open interview per employee.
 */
@Service
public class InterviewRegistration {

    private final InterviewRepository interviews;
    private final QuestionSetService questionSets;
    private final InterviewProperties properties;
    private final Languages languages;
    private final Validator validator;
    private final WebhookReceipts receipts;
    private final Clock clock;

    InterviewRegistration(InterviewRepository interviews, QuestionSetService questionSets,
            InterviewProperties properties, Languages languages, Validator validator, WebhookReceipts receipts,
            Clock clock) {
        this.interviews = interviews;
        this.questionSets = questionSets;
        this.properties = properties;
        this.languages = languages;
        this.validator = validator;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** The new interview and the question set version it keeps. */
    public record Registered(Interview interview, QuestionSetView questionSet) {
    }

    /**
     * @throws InvalidInputException when the request breaks a rule, naming each field
     * @throws ConflictException     when the employee already has an open interview
     */
    @Transactional
    public Registered register(NewInterview request, String hrUser) {
        return register(request, hrUser, null);
    }

    /**
     * @param demoDatedAt for demo data (EXITBOT_DEMO_DATA), the day it is dated back to; null for a real leaver.
     *                    Demo interviews are never mailed, and the webhook keeps no receipt of their made-up leavers
     */
    @Transactional
    public Registered register(NewInterview request, String hrUser, Instant demoDatedAt) {
        boolean demo = demoDatedAt != null;
        checkConstraints(request);
        NewInterview details = request.withDefaults(languages.defaultLocale(), properties.defaultQuestionSet(),
                properties.defaultVisibility());
        languages.checked("locale", details.locale());
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
        if (demo) {
            interview.markDemo(demoDatedAt);
        }
        try {
            interviews.saveAndFlush(interview);
        } catch (DataIntegrityViolationException raceWithAnotherStart) {
            throw duplicate(details.employeeId());
        }
        // however it was started, the offboarding webhook never starts this leaver's interview again
        if (!demo) {
            receipts.recordLeaver(details.employeeId(), details.lastWorkingDay());
        }
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

    private static ConflictException duplicate(String employeeId) {
        return new ConflictException("Interview already open",
                "Employee " + employeeId + " already has an open exit interview");
    }
}
