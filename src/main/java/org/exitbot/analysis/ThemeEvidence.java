package org.exitbot.analysis;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A theme and the employee's own words that support it. */
public record ThemeEvidence(@NotNull Theme theme, @NotBlank @Size(max = 1000) String quote) {
}
