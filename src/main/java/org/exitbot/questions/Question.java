package org.exitbot.questions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record Question(
        @NotBlank @Pattern(regexp = "[a-z0-9_]{1,64}", message = "must be 1 to 64 of a-z, 0-9 and _") String id,
        @NotBlank @Size(max = 500) String text) {
}
