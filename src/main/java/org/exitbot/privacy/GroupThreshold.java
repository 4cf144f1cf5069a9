package org.exitbot.privacy;

/**
 * k: how many interviews a group must hold before the reports show it, and before the anonymous comments of a
 * period show. The report module, which owns the setting, declares the bean; the chat page tells the employee.
 */
public interface GroupThreshold {

    int minGroupSize();
}
