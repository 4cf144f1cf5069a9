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
        String employeeId = "E-" + UUID.randomUUID().toString().substring(0, 8);
        return new NewInterview(employeeId, "Robin Example", "robin." + employeeId.toLowerCase() + "@private.test",
                "Engineering", "Backend engineer", "Lena Fischer",
                LocalDate.now().plusDays(10), locale, null, null);
    }
}
