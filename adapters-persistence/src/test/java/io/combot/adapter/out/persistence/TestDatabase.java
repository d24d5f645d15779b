package io.combot.adapter.out.persistence;

import io.combot.tools.postgres.TestPostgres;
import io.combot.tools.settings.ShippedDefaults;
import java.nio.file.Path;

/** The databases the adapter runs on, each empty for every test: a SQLite file, or a fresh PostgreSQL schema. */
public enum TestDatabase {
    SQLITE {
        @Override
        public PersistenceSettings settings(Path dataDir) {
            return shipped(PersistenceSettings.sqliteUrl(dataDir), null, null);
        }
    },
    POSTGRESQL {
        @Override
        public PersistenceSettings settings(Path dataDir) {
            TestPostgres.Schema schema = TestPostgres.newSchema();
            return shipped(schema.jdbcUrl(), schema.user(), schema.password());
        }
    };

    /** {@code dataDir}: a temporary folder, which only SQLite uses. */
    public abstract PersistenceSettings settings(Path dataDir);

    /** The pools, lifetime and busy timeout the service ships with (its defaults file), on the given database. */
    private static PersistenceSettings shipped(String jdbcUrl, String user, String password) {
        return new PersistenceSettings(jdbcUrl, user, password, ShippedDefaults.integer("COMBOT_DB_READ_POOL_SIZE"),
                ShippedDefaults.integer("COMBOT_DB_POOL_SIZE"), ShippedDefaults.duration("COMBOT_DB_MAX_LIFETIME"),
                ShippedDefaults.duration("COMBOT_DB_BUSY_TIMEOUT"),
                ShippedDefaults.duration("COMBOT_DB_CONNECT_TIMEOUT"),
                ShippedDefaults.duration("COMBOT_DB_SOCKET_TIMEOUT"));
    }
}
