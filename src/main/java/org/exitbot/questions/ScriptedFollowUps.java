package org.exitbot.questions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the bot says after an answer while the LLM is unavailable, in the set's language: a probe for each theme an
 * answer may mention, a "say more" probe for a short or vague answer, and the acknowledgement before the next
 * question, echoing the theme where there is one.
 *
 * @param themes by theme code of the analysis' taxonomy ({@code compensation_benefits}, ...); a theme left out gets
 *               no probe
 */
public record ScriptedFollowUps(
        @NotBlank @Size(max = MAX_LENGTH) String sayMore,
        @NotBlank @Size(max = MAX_LENGTH) String acknowledgement,
        @NotNull Map<String, @NotNull @Valid ThemeFollowUp> themes) {

    public static final int MAX_LENGTH = 300;

    public ScriptedFollowUps {
        themes = themes == null ? null : new LinkedHashMap<>(themes);
    }

    /** The probe asked when an answer mentions the theme, and the acknowledgement that echoes it. */
    public record ThemeFollowUp(
            @NotBlank @Size(max = MAX_LENGTH) String probe,
            @NotBlank @Size(max = MAX_LENGTH) String acknowledgement) {
    }

    ScriptedFollowUps trimmed() {
        var trimmedThemes = new LinkedHashMap<String, ThemeFollowUp>();
        themes.forEach((code, theme) -> trimmedThemes.put(code.strip(),
                new ThemeFollowUp(theme.probe().strip(), theme.acknowledgement().strip())));
        return new ScriptedFollowUps(sayMore.strip(), acknowledgement.strip(), trimmedThemes);
    }
}
