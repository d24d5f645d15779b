package io.combot.adapter.out.persistence;

import static io.combot.domain.port.out.TestTurns.newSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Intent;
import io.combot.domain.model.OwnerId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/** Flyway builds the schema, Hibernate validates the entities against it, and a reopened database is kept. */
class SchemaMigrationTest {
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
                    + " WHERE version IS NOT NULL ORDER BY installed_rank")).containsExactly("1:1", "2:1", "3:1");
            assertThat(rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
                    .contains("sessions", "messages");
            assertThat(rows(connection, "SELECT group_concat(name) FROM pragma_index_info('ix_sessions_expires_at')"))
                    .containsExactly("expires_at");
            assertThat(uniqueColumnSets(connection, "messages"))
                    .contains("id", "session_id,sequence_no", "session_id,client_message_id");
            assertThat(rows(connection, "SELECT \"table\" || ':' || \"from\" || ':' || on_delete"
                    + " FROM pragma_foreign_key_list('messages')")).containsExactly("sessions:session_id:CASCADE");
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
                    .as("each migration applied once").containsExactly("3");
        }
    }

    @Test
    void intentsStoredUnderTheirOldEnumNamesAreRenamedToTheBotsLowercaseNames() throws SQLException {
        PersistenceSettings settings = TestDatabase.SQLITE.settings(dataDir);
        try (JpaPersistence persistence = JpaPersistence.open(settings)) {
            persistence.sessionStore().create(newSession(new OwnerId("old")));
        }
        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM flyway_schema_history WHERE version = '3'");
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

    @Test
    void validationRejectsASchemaThatNoLongerFitsTheEntities() throws SQLException {
        PersistenceSettings settings = TestDatabase.SQLITE.settings(dataDir);
        JpaPersistence.open(settings).close();
        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE sessions RENAME COLUMN owner_id TO owner");
        }

        assertThatThrownBy(() -> JpaPersistence.open(settings)).hasStackTraceContaining("owner_id");
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
