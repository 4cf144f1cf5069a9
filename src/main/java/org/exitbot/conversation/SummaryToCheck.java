package org.exitbot.conversation;

import java.util.List;

/**
 * What the employee checks before finishing: the summary HR will read and its themes, or, for an anonymous
 * interview, their answers as the anonymous comments will show them.
 *
 * @param kind      {@code summary} or {@code comments}
 * @param version   counts the employee's changes; each change and the confirmation names the version it saw
 * @param automatic made without the LLM (unavailable, failing or out of time): the employee is told so
 * @param themes        the codes of the themes the analysis found, which HR will read
 * @param removedThemes the codes of those the employee removed: HR will not read them
 */
public record SummaryToCheck(String kind, int version, boolean automatic, boolean confirmed,
        List<Statement> statements, List<String> themes, List<String> removedThemes) {

    /** @param position the statement's number, from 0, in the paths that change it */
    public record Statement(int position, String text, boolean removed, boolean corrected) {
    }
}
