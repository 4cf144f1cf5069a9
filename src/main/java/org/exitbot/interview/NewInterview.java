package org.exitbot.interview;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What HR gives to start an interview: the body of {@code POST /api/interviews}. */
public record NewInterview(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N}._:/-]+", message = "may contain only letters, digits and . _ : / -")
        String employeeId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Size(max = 100) String department,
        @Size(max = 100) String role,
        @Size(max = 200) String manager,
        @NotNull @JsonFormat(pattern = "yyyy-MM-dd") LocalDate lastWorkingDay,
        @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code such as en") String locale,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a question set name such as default") String questionSet,
        @Pattern(regexp = "attributed|anonymous", message = "must be attributed or anonymous") String visibility) {

    public NewInterview withDefaults(String defaultLocale, String defaultQuestionSet, Visibility defaultVisibility) {
        return new NewInterview(employeeId.trim(), name.trim(), email.trim(), department.trim(), blankToNull(role),
                blankToNull(manager), lastWorkingDay, locale == null ? defaultLocale : locale,
                questionSet == null ? defaultQuestionSet : questionSet,
                visibility == null ? defaultVisibility.code() : visibility);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
