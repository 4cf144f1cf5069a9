package org.exitbot.privacy;

/** The names {@code processes/history-cleanup.bpmn} and the code share. */
final class HistoryCleanupProcess {

    static final String KEY = "history-cleanup";
    /** {@code instances}: the whole history of the processes; {@code variables}: their variables only. */
    static final String SCOPE = "scope";
    static final String BUSINESS_KEY = "businessKey";
    static final String PROCESS_INSTANCE_ID = "processInstanceId";
    /** Comma-separated; absent for every variable. */
    static final String VARIABLE_NAMES = "variableNames";

    private HistoryCleanupProcess() {
    }
}
