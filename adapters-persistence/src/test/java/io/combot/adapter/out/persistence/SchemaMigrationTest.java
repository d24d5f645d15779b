package io.combot.adapter.out.persistence;

import static io.combot.domain.port.out.TestTurns.newSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Intent;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Feedback;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.Rating;
import io.combot.domain.model.ReviewPage;
import io.combot.domain.model.ReviewReason;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

/** Flyway builds the schema, Hibernate validates the entities against it, and a reopened database is kept. */
class SchemaMigrationTest {
    private static final String SESSION = "0b6c1a4e-8d2f-4c3a-9e1b-2f3d4c5b6a70";
    private static final String USER = "1b6c1a4e-8d2f-4c3a-9e1b-2f3d4c5b6a71";
    private static final String REPLY = "2b6c1a4e-8d2f-4c3a-9e1b-2f3d4c5b6a72";

    @TempDir
    Path dataDir;

    @Test
    void flywayCreatesTheSchemaInANewFolderAndValidationPasses() throws SQLException {
        Path nested = dataDir.resolve("not/yet/there");
        PersistenceSettings settings = TestDatabase.SQLITE.settings(nested);

        JpaPersistence.open(settings).close();

        assertThat(nested.resolve("combot.db")).isRegularFile();

        try (Connection connection = connect(settings)) {
            assertThat(rows(connection, "SELECT version || ':' || success FROM flyway_schema_history"
                    + " WHERE version IS NOT NULL ORDER BY installed_rank"))
                    .containsExactly("1:1", "2:1", "3:1", "4:1", "5:1", "6:1", "7:1", "8:1", "9:1");
            assertThat(rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
                    .contains("sessions", "messages", "feedback", "labels", "removed_labels", "message_citations");
            assertThat(rows(connection, "SELECT group_concat(name) FROM pragma_index_info('ix_sessions_expires_at')"))
                    .containsExactly("expires_at");
            assertThat(uniqueColumnSets(connection, "messages"))
                    .contains("id", "session_id,sequence_no", "session_id,client_message_id");
            assertThat(rows(connection, "SELECT \"table\" || ':' || \"from\" || ':' || on_delete"
                    + " FROM pragma_foreign_key_list('messages')")).containsExactly("sessions:session_id:CASCADE");
            assertThat(rows(connection, "SELECT \"table\" || ':' || \"from\" || ':' || on_delete"
                    + " FROM pragma_foreign_key_list('feedback')")).containsExactly("messages:message_id:CASCADE");
            assertThat(rows(connection, "SELECT \"table\" || ':' || \"from\" || ':' || on_delete"
                    + " FROM pragma_foreign_key_list('message_citations')"))
                    .as("citations go with their reply").containsExactly("messages:message_id:CASCADE");
            assertThat(rows(connection, "SELECT count(*) FROM pragma_foreign_key_list('labels')"))
                    .as("a label outlives its message").containsExactly("0");
        }
    }

    @Test
    void aReopenedDatabaseKeepsItsDataAndIsNotMigratedAgain() throws SQLException {
        PersistenceSettings settings = TestDatabase.SQLITE.settings(dataDir);
        ChatSession session = newSession(new OwnerId("kept"));
        try (JpaPersistence persistence = JpaPersistence.open(settings)) {
            persistence.sessionStore().create(session);
        }

        try (JpaPersistence persistence = JpaPersistence.open(settings)) {
            assertThat(persistence.sessionStore().findSession(session.id())).contains(session);
        }
        try (Connection connection = connect(settings)) {
            assertThat(rows(connection, "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL"))
                    .as("each migration applied once").containsExactly("9");
        }
    }

    @Test
    void intentsStoredUnderTheirOldEnumNamesAreRenamedToTheBotsLowercaseNames() throws SQLException {
        PersistenceSettings settings = TestDatabase.SQLITE.settings(dataDir);
        migrateTo(settings, "2");
        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO sessions VALUES ('" + SESSION + "', 'old', 0, 0, 9999999999999, 1, 0, 0)");
            statement.execute("INSERT INTO messages (id, session_id, sequence_no, role, content, created_at, intent,"
                    + " confidence, scores, model_version) SELECT 'old-1', id, 0, 'USER', 'hi', 0, 'GREETING', 0.9,"
                    + " '{\"GREETING\":0.9,\"CRISIS\":1.0E-4}', 'm' FROM sessions");
        }

        JpaPersistence.open(settings).close();

        try (Connection connection = connect(settings)) {
            assertThat(rows(connection, "SELECT intent || ' ' || scores FROM messages WHERE id = 'old-1'"))
                    .containsExactly("greeting {\"greeting\":0.9,\"crisis\":1.0e-4}");
        }
        assertThat(StoredValues.scores("{\"greeting\":0.9,\"crisis\":1.0e-4}"))
                .containsEntry(Intent.CRISIS, 1.0e-4).containsEntry(Intent.of("greeting"), 0.9);
    }

    /** A database made before feedback existed (schema version 3, with turns in it) gains it and keeps every row. */
    @Test
    void aDatabaseOfSchemaVersionThreeGainsFeedbackAndLabelsAndKeepsItsMessages() throws SQLException {
        PersistenceSettings settings = TestDatabase.SQLITE.settings(dataDir);
        migrateTo(settings, "3");
        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            assertThat(rows(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'feedback'"))
                    .containsExactly("0");
            statement.execute("INSERT INTO sessions VALUES ('" + SESSION + "', 'old', 0, 0, 9999999999999, 2, 0, 0)");
            statement.execute("INSERT INTO messages (id, session_id, sequence_no, role, content, created_at, intent,"
                    + " confidence, scores, model_version) VALUES ('" + USER + "', '" + SESSION + "', 0, 'USER',"
                    + " 'blorp', 0, 'unknown', 0.2, '{\"greeting\":0.2}', 'm')");
            statement.execute("INSERT INTO messages (id, session_id, sequence_no, role, content, created_at, route,"
                    + " degraded, prompt_tokens, completion_tokens) VALUES ('" + REPLY + "', '" + SESSION + "', 1,"
                    + " 'ASSISTANT', 'Sorry?', 1, 'OFFLINE', false, 0, 0)");
        }

        try (JpaPersistence persistence = JpaPersistence.open(settings)) {
            MessageId reply = new MessageId(REPLY);
            persistence.feedbackStore().saveFeedback(new Feedback(reply, Rating.DOWN, null, Instant.EPOCH));

            ReviewPage inbox = persistence.reviewStore().loadReview(ReviewReason.ALL, 10, Optional.empty());
            assertThat(inbox.items()).singleElement().satisfies(item -> {
                assertThat(item.message().content()).isEqualTo("blorp");
                assertThat(item.lowConfidence()).isTrue();
                assertThat(item.downRated()).isTrue();
            });
        }
    }

    @Test
    void validationRejectsASchemaThatNoLongerFitsTheEntities() throws SQLException {
        PersistenceSettings settings = TestDatabase.SQLITE.settings(dataDir);
        JpaPersistence.open(settings).close();
        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE sessions RENAME COLUMN owner_id TO owner");
        }

        assertThatThrownBy(() -> JpaPersistence.open(settings)).hasStackTraceContaining("owner_id");
    }

    /** The schema as a release that stopped at {@code version} left it. */
    private static void migrateTo(PersistenceSettings settings, String version) {
        try (ConnectionPools pools = ConnectionPools.open(settings)) {
            Flyway.configure(SchemaMigrationTest.class.getClassLoader()).dataSource(pools.writer())
                    .locations("classpath:db/migration").target(version).load().migrate();
        }
    }

    private static Connection connect(PersistenceSettings settings) throws SQLException {
        return new SQLiteConfig().createConnection(settings.jdbcUrl());
    }

    /** The column lists of the table's unique indexes, primary key included. */
    private static List<String> uniqueColumnSets(Connection connection, String table) throws SQLException {
        return rows(connection, "SELECT (SELECT group_concat(name) FROM pragma_index_info(il.name))"
                + " FROM pragma_index_list('" + table + "') il WHERE il.\"unique\" = 1");
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
