package org.exitbot.security;

import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body each part of the app takes; the first rule whose path prefix matches applies. The
 * employee's answers allow every character of the longest answer written as a six-byte JSON escape.
 */
final class RequestBodyLimits {

    static final DataSize WEBHOOK = DataSize.ofKilobytes(64);
    static final DataSize LEAVER_IMPORT = DataSize.ofMegabytes(2);
    static final DataSize QUESTION_SET = DataSize.ofKilobytes(128);
    static final DataSize APP = DataSize.ofKilobytes(64);
    /** Camunda's APIs and webapps: deployments from the Modeler, task forms. */
    static final DataSize CAMUNDA = DataSize.ofMegabytes(10);

    record Rule(String prefix, DataSize limit) {
    }

    private final List<Rule> rules;

    RequestBodyLimits(int answerMaxLength) {
        this.rules = List.of(
                new Rule("/api/chat/", DataSize.ofBytes(6L * answerMaxLength + 1024)),
                new Rule("/api/hooks/", WEBHOOK),
                new Rule("/api/interviews/import", LEAVER_IMPORT),
                new Rule("/api/question-sets", QUESTION_SET),
                new Rule("/engine-rest/", CAMUNDA),
                new Rule("/camunda/", CAMUNDA));
    }

    /** The limit for a path within the servlet context. */
    long bytesFor(String path) {
        return rules.stream().filter(rule -> path.startsWith(rule.prefix())).findFirst().map(Rule::limit)
                .orElse(APP).toBytes();
    }
}
