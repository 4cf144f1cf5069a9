package org.exitbot;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips a test class, with the reason, when {@link TestDatabase} finds no PostgreSQL; fails instead in CI. */
public class RequiresPostgres implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestDatabase.get().isPresent()) {
            return ConditionEvaluationResult.enabled("PostgreSQL available");
        }
        String reason = "No PostgreSQL for the integration tests: set EXITBOT_TEST_DATABASE_URL, start Docker, "
                + "or run PostgreSQL on 127.0.0.1:5432";
        if (TestDatabase.required()) {
            throw new IllegalStateException(reason + " (EXITBOT_TEST_REQUIRE_DATABASE is true)");
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
