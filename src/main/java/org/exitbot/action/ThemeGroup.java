package org.exitbot.action;

import java.util.Locale;
import org.exitbot.analysis.Theme;

/** A theme in a group of interviews: one department, or all of them ({@code department} null). */
public record ThemeGroup(Theme theme, String department) {

    public static final String ALL_DEPARTMENTS = "All departments";

    /** The same for every spelling of the department, as the reports' filters are: one open action per key. */
    String key() {
        return theme.code() + ":" + (department == null ? "" : department.toLowerCase(Locale.ROOT));
    }

    /** As an element of the scheduled check's list, which the BPMN starts an action for. */
    String element() {
        return theme.code() + ":" + (department == null ? "" : department);
    }

    static ThemeGroup ofElement(String element) {
        int colon = element.indexOf(':');
        String department = element.substring(colon + 1);
        return new ThemeGroup(Theme.valueOf(element.substring(0, colon).toUpperCase(Locale.ROOT)),
                department.isEmpty() ? null : department);
    }

    public String groupLabel() {
        return department == null ? ALL_DEPARTMENTS : department;
    }

    public String themeLabel() {
        return label(theme);
    }

    static String label(Theme theme) {
        return theme.code().replace('_', ' ');
    }
}
