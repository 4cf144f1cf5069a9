package org.exitbot.interview;

import java.time.LocalDate;
import java.util.UUID;

/** Interview requests for tests, each with its own employee id so tests never collide. */
public final class InterviewFixtures {

    private InterviewFixtures() {
    }

    public static NewInterview newInterview() {
        return newInterview("en");
    }

    public static NewInterview newInterview(String locale) {
        return new NewInterview("E-" + UUID.randomUUID().toString().substring(0, 8), "Robin Example",
                "robin.example@private.test", "Engineering", "Backend engineer", "Lena Manager",
                LocalDate.now().plusDays(10), locale, null, null);
    }
}
