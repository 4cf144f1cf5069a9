package org.exitbot.privacy;

/** The names {@code processes/interview-retention.bpmn} and the code share. */
final class InterviewRetentionProcess {

    static final String KEY = "interview-retention";
    static final String INTERVIEW_ID = "interviewId";
    static final String ANONYMISE_AT = "anonymiseAt";
    static final String DELETE_TRANSCRIPT_AT = "deleteTranscriptAt";

    private InterviewRetentionProcess() {
    }
}
