package io.combot.adapter.out.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite connections set up for a server. The PRAGMAs are sqlite-jdbc driver properties, so the driver applies them to
 * every connection it opens (a multi-statement init SQL would apply only its first statement).
 */
final class SqliteDataSources {
    static final String URL_PREFIX = "jdbc:sqlite:";

    private SqliteDataSources() {
    }

    /**
     * The writer: its transactions begin IMMEDIATE, taking the write lock up front, so that a transaction that reads
     * before it writes cannot fail half-way with "database is locked". Only one such connection may exist: with
     * auto-commit off, sqlite-jdbc opens the next BEGIN IMMEDIATE right after each commit.
     */
    static SQLiteDataSource writer(PersistenceSettings settings) {
        SQLiteConfig config = serverConfig(settings);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return dataSource(settings, config);
    }

    /** A reader: opened read-only, so that nothing done through it can write; WAL lets it read beside the writer. */
    static SQLiteDataSource reader(PersistenceSettings settings) {
        SQLiteConfig config = serverConfig(settings);
        config.setReadOnly(true);
        return dataSource(settings, config);
    }

    /** Creates the folder of the database file, which SQLite would not. */
    static void createParentDirectory(String jdbcUrl) {
        Path parent = databaseFile(jdbcUrl).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database folder " + parent, e);
        }
    }

    static Path databaseFile(String jdbcUrl) {
        String name = jdbcUrl.substring(URL_PREFIX.length());
        int query = name.indexOf('?');
        if (query >= 0) {
            name = name.substring(0, query);
        }
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        }
        if (name.isBlank() || name.contains(":memory:") || jdbcUrl.contains("mode=memory")) {
            // The writer and the readers are separate connections: they must share a file.
            throw new IllegalArgumentException("The SQLite database must be a file, not " + jdbcUrl);
        }
        return Path.of(name);
    }

    private static SQLiteConfig serverConfig(PersistenceSettings settings) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // WAL keeps the database consistent at NORMAL; only the last commits may be lost on a power cut.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(Math.toIntExact(settings.busyTimeout().toMillis()));
        return config;
    }

    private static SQLiteDataSource dataSource(PersistenceSettings settings, SQLiteConfig config) {
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(settings.jdbcUrl());
        return dataSource;
    }
}
