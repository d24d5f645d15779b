package io.combot.bootstrap.e2e;

import io.combot.tools.postgres.TestPostgres;
import java.util.HashMap;
import java.util.Map;

/** The databases the service runs on in these tests: SQLite in the data folder, or a fresh PostgreSQL schema. */
enum TestDatabase {
    SQLITE,
    POSTGRESQL;

    /** {@code settings} and, on PostgreSQL, the COMBOT_DB_* settings of a new schema. */
    Map<String, String> with(Map<String, String> settings) {
        if (this == SQLITE) {
            return settings;
        }
        TestPostgres.Schema schema = TestPostgres.newSchema();
        Map<String, String> all = new HashMap<>(settings);
        all.put("COMBOT_DB_URL", schema.jdbcUrl());
        all.put("COMBOT_DB_USER", schema.user());
        all.put("COMBOT_DB_PASSWORD", schema.password());
        return all;
    }
}
