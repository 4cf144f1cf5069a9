package org.exitbot.conversation;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.interview.InterviewRegistration;
import org.exitbot.interview.InterviewService;
import org.exitbot.interview.InterviewView;
import org.exitbot.interview.NewInterview;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts exit interviews: the record and its process, in one transaction. */
@Service
public class ExitInterviews {

    private final InterviewRegistration registration;
    private final RuntimeService runtimeService;
    private final InterviewCounts counts;

    ExitInterviews(InterviewRegistration registration, RuntimeService runtimeService, InterviewCounts counts) {
        this.registration = registration;
        this.runtimeService = runtimeService;
        this.counts = counts;
    }

    /**
     * Creates the interview and starts its process; the invitation goes out once this commits.
     *
     * @throws org.exitbot.system.InvalidInputException when the request breaks a rule
     * @throws org.exitbot.system.ConflictException     when the employee already has an open interview
     */
    @Transactional
    public InterviewView start(NewInterview request, String hrUser) {
        return start(request, hrUser, null);
    }

    /**
     * @param demoDatedAt for demo data (EXITBOT_DEMO_DATA), the day it is dated back to: the process runs as for
     *                    any interview, but mails nobody
     */
    @Transactional
    public InterviewView start(NewInterview request, String hrUser, java.time.Instant demoDatedAt) {
        var registered = registration.register(request, hrUser, demoDatedAt);
        var interview = registered.interview();
        var instance = runtimeService.startProcessInstanceByKey(ExitInterviewProcess.KEY, interview.getId().toString(),
                Variables.createVariables()
                        .putValue(ExitInterviewProcess.Var.INTERVIEW_ID, interview.getId().toString())
                        .putValue(ExitInterviewProcess.Var.QUESTION_COUNT, registered.questionSet().size()));
        interview.attachProcess(instance.getProcessInstanceId());
        counts.started();
        return InterviewService.view(interview, registered.questionSet());
    }
}
