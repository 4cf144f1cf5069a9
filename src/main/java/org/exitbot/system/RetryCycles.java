package org.exitbot.system;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Retry cycles of the processes' asynchronous tasks, read by the BPMN as {@code ${retryCycles.mail}},
 * {@code ${retryCycles.llm}}, {@code ${retryCycles.privacy}} and {@code ${retryCycles.notify}}. ISO 8601 repeating intervals such as {@code R5/PT5M}: five retries, five
 * minutes apart; after the last, the job becomes an incident in Cockpit.
 */
@Component("retryCycles")
public class RetryCycles {

    private static final Pattern CYCLE = Pattern.compile("R\\d+/P(T?\\d+[SMHD])+");

    private final String mail;
    private final String llm;
    private final String privacy;
    private final String notify;

    public RetryCycles(@Value("${exitbot.retry.mail:R5/PT5M}") String mail, @Value("${exitbot.retry.llm:R2/PT30S}") String llm,
            @Value("${exitbot.retry.privacy:R5/PT1H}") String privacy,
            @Value("${exitbot.retry.notify:R5/PT1M}") String notify) {
        this.mail = checked("exitbot.retry.mail", mail);
        this.llm = checked("exitbot.retry.llm", llm);
        this.privacy = checked("exitbot.retry.privacy", privacy);
        this.notify = checked("exitbot.retry.notify", notify);
    }

    public String getMail() {
        return mail;
    }

    public String getLlm() {
        return llm;
    }

    /** The LLM's cycle as a number of retries and the wait between them, for the LLM worker's external tasks. */
    public Cycle llmCycle() {
        String[] parts = llm.split("/");
        return new Cycle(Integer.parseInt(parts[0].substring(1)), Duration.parse(parts[1]));
    }

    public record Cycle(int retries, Duration interval) {
    }

    /** Anonymisation and deletion steps: retried for hours, then an incident an administrator must see. */
    public String getPrivacy() {
        return privacy;
    }

    /** Slack and Teams posts: a channel that is down is tried again, then an incident that announces nothing. */
    public String getNotify() {
        return notify;
    }

    private static String checked(String property, String cycle) {
        if (!CYCLE.matcher(cycle).matches()) {
            throw new IllegalStateException(property + " must be a cycle such as R5/PT5M, not " + cycle);
        }
        return cycle;
    }
}
