package org.exitbot.action;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * HR's request for an action: {@code POST /api/actions}.
 *
 * @param theme      a theme code of the taxonomy, e.g. {@code workload_stress}
 * @param department a department the reports know; none for all departments
 */
public record NewAction(@NotBlank @Size(max = 40) String theme, @Size(max = 100) String department) {
}
