package org.exitbot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The PostgreSQL the integration tests run on, chosen once per test JVM:
 * <ol>
 * <li>{@code EXITBOT_TEST_DATABASE_URL} (and {@code _USERNAME}, {@code _PASSWORD}), as {@code .ci/run} sets it;</li>
 * <li>otherwise a Testcontainers PostgreSQL where Docker runs;</li>
 * <li>otherwise a fresh database {@code exitbot_test} (or {@code EXITBOT_TEST_DATABASE_NAME}) on a PostgreSQL
 * answering at 127.0.0.1:5432 as {@code postgres} without a password, the set-up of the development machines.</li>
 * </ol>
 * With none of these the tests are skipped with the reason, unless {@code EXITBOT_TEST_REQUIRE_DATABASE=true}
 * (CI), which makes them fail instead.
 */
public record TestDatabase(String url, String username, String password, String origin) {

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String LOCAL_DATABASE = setting("EXITBOT_TEST_DATABASE_NAME", "exitbot_test");
    private static Optional<TestDatabase> resolved;

    public static synchronized Optional<TestDatabase> get() {
        if (resolved == null) {
            resolved = configured().or(TestDatabase::container).or(TestDatabase::localServer);
            resolved.ifPresent(db -> System.out.println("Integration tests use PostgreSQL from " + db.origin()
                    + ": " + db.url()));
        }
        return resolved;
    }

    public static boolean required() {
        return Boolean.parseBoolean(setting("EXITBOT_TEST_REQUIRE_DATABASE", "false"));
    }

    private static Optional<TestDatabase> configured() {
        String url = setting("EXITBOT_TEST_DATABASE_URL", null);
        return Optional.ofNullable(url).filter(u -> !u.isBlank()).map(u -> new TestDatabase(u,
                setting("EXITBOT_TEST_DATABASE_USERNAME", "postgres"),
                setting("EXITBOT_TEST_DATABASE_PASSWORD", ""), "EXITBOT_TEST_DATABASE_URL"));
    }

    private static Optional<TestDatabase> container() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return Optional.empty();
        }
        var container = new PostgreSQLContainer<>("postgres:15-alpine");
        container.start();
        return Optional.of(new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                "Testcontainers"));
    }

    private static Optional<TestDatabase> localServer() {
        DriverManager.setLoginTimeout(3);
        try (Connection admin = DriverManager.getConnection(LOCAL_SERVER + "postgres", "postgres", "")) {
            try (var statement = admin.createStatement()) {
                statement.execute("drop database if exists " + LOCAL_DATABASE + " with (force)");
                statement.execute("create database " + LOCAL_DATABASE);
            }
            return Optional.of(new TestDatabase(LOCAL_SERVER + LOCAL_DATABASE, "postgres", "",
                    "the local server at 127.0.0.1:5432"));
        } catch (SQLException noLocalServer) {
            return Optional.empty();
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null ? fallback : value;
    }
}
