package io.combot.tools.postgres;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server that {@code bin/combot test} starts and names in {@code COMBOT_TEST_PG_URL},
 * {@code COMBOT_TEST_PG_USER} and {@code COMBOT_TEST_PG_PASSWORD}; each caller gets a fresh schema of its own, so
 * tests never see each other's rows. Without the server a test run by hand is skipped; under CI ({@code CI=true}) it
 * fails, because a skip there would hide that the PostgreSQL tests never ran.
 */
public final class TestPostgres {
    public static final String URL_VARIABLE = "COMBOT_TEST_PG_URL";
    public static final String USER_VARIABLE = "COMBOT_TEST_PG_USER";
    public static final String PASSWORD_VARIABLE = "COMBOT_TEST_PG_PASSWORD";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        // Dropped when the test JVM ends, so that a developer's own server does not collect test schemas.
        Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreatedSchemas, "drop-test-schemas"));
    }

    /** A schema of the test server, as a JDBC URL whose connections work in it. */
    public record Schema(String name, String jdbcUrl, String user, String password) {
        @Override
        public String toString() {
            return "Schema[" + jdbcUrl + ", user=" + user + "]";
        }
    }

    private TestPostgres() {
    }

    /** A new, empty schema; skips (by hand) or fails (in CI) the calling test when there is no test server. */
    public static Schema newSchema() {
        Map<String, String> environment = System.getenv();
        String url = environment.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String missing = URL_VARIABLE + " is not set, so there is no PostgreSQL server to test against;"
                    + " bin/combot test starts one.";
            if ("true".equalsIgnoreCase(environment.get("CI"))) {
                throw new IllegalStateException(missing + " CI must run the PostgreSQL tests.");
            }
            Assumptions.abort(missing + " Skipped.");
        }
        byte[] suffix = new byte[8];
        RANDOM.nextBytes(suffix);
        String name = "t_" + HexFormat.of().formatHex(suffix);
        String user = environment.get(USER_VARIABLE);
        String password = environment.get(PASSWORD_VARIABLE);
        execute(url, user, password, "CREATE SCHEMA " + name);
        CREATED.add(name);
        return new Schema(name, url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name, user, password);
    }

    private static void dropCreatedSchemas() {
        String url = System.getenv(URL_VARIABLE);
        for (String name : CREATED) {
            try {
                execute(url, System.getenv(USER_VARIABLE), System.getenv(PASSWORD_VARIABLE),
                        "DROP SCHEMA IF EXISTS " + name + " CASCADE");
            } catch (IllegalStateException e) {
                // The throwaway server may already be gone; nothing is left to clean then.
                return;
            }
        }
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused: " + sql, e);
        }
    }
}
