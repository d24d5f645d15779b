package io.combot.adapter.out.persistence;

import io.combot.tools.postgres.TestPostgres;
import java.nio.file.Path;

/** The databases the adapter runs on, each empty for every test: a SQLite file, or a fresh PostgreSQL schema. */
enum TestDatabase {
    SQLITE {
        @Override
        PersistenceSettings settings(Path dataDir) {
            return PersistenceSettings.defaults(dataDir);
        }
    },
    POSTGRESQL {
        @Override
        PersistenceSettings settings(Path dataDir) {
            TestPostgres.Schema schema = TestPostgres.newSchema();
            PersistenceSettings defaults = PersistenceSettings.defaults(dataDir);
            return new PersistenceSettings(schema.jdbcUrl(), schema.user(), schema.password(), defaults.readPoolSize(),
                    defaults.poolSize(), defaults.maxConnectionLifetime(), defaults.busyTimeout());
        }
    };

    /** {@code dataDir}: a temporary folder, which only SQLite uses. */
    abstract PersistenceSettings settings(Path dataDir);
}
