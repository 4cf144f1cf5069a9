package org.exitbot.report;

import java.util.List;

/**
 * A process besides the exit interview whose history the Process page shows, declared as a bean by the feature
 * that owns it, so that reports need not know it.
 *
 * @param stages             the BPMN elements whose completion marks each stage, counted per instance
 * @param departmentVariable the process variable holding the department an instance is about, which the
 *                           dashboard's department filter matches
 */
public record TrackedProcess(String key, String name, List<Stage> stages, String departmentVariable) {

    public record Stage(String name, String activityId) {
    }
}
