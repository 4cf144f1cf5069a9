package org.exitbot.system;

import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Retry cycles of the process's asynchronous tasks, read by the BPMN as {@code ${retryCycles.mail}} and
 * {@code ${retryCycles.llm}}. ISO 8601 repeating intervals such as {@code R5/PT5M}: five retries, five
 * minutes apart; after the last, the job becomes an incident in Cockpit.
 */
@Component("retryCycles")
public class RetryCycles {

    private static final Pattern CYCLE = Pattern.compile("R\\d+/P(T?\\d+[SMHD])+");

    private final String mail;
    private final String llm;

    RetryCycles(@Value("${exitbot.retry.mail:R5/PT5M}") String mail, @Value("${exitbot.retry.llm:R2/PT30S}") String llm) {
        this.mail = checked("exitbot.retry.mail", mail);
        this.llm = checked("exitbot.retry.llm", llm);
    }

    public String getMail() {
        return mail;
    }

    public String getLlm() {
        return llm;
    }

    private static String checked(String property, String cycle) {
        if (!CYCLE.matcher(cycle).matches()) {
            throw new IllegalStateException(property + " must be a cycle such as R5/PT5M, not " + cycle);
        }
        return cycle;
    }
}
