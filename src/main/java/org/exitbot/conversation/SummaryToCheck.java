package org.exitbot.conversation;

import java.util.List;

/**
 * What the employee checks before finishing: the summary HR will read and its themes, or, for an anonymous
 * interview, their answers as the anonymous comments will show them.
 *
 * @param kind      {@code summary} or {@code comments}
 * @param version   counts the employee's changes; each change and the confirmation names the version it saw
 * @param automatic made without the LLM (unavailable, failing or out of time): the employee is told so
 * @param themes    the theme codes the analysis found
 */
public record SummaryToCheck(String kind, int version, boolean automatic, boolean confirmed,
        List<Statement> statements, List<String> themes) {

    /** @param position the statement's number, from 0, in the paths that change it */
    public record Statement(int position, String text, boolean removed, boolean corrected) {
    }
}
