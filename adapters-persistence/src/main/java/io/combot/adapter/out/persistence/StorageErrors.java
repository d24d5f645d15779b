package io.combot.adapter.out.persistence;

import io.combot.domain.error.StorageUnavailableException;
import io.combot.domain.error.StorageUnavailableException.Kind;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.sqlite.SQLiteException;

/**
 * Tells a storage fault (full, read-only, unreachable, I/O, busy, no connection in time) from any other failure, by
 * the codes the databases give: SQLite's result codes, PostgreSQL's SQLStates. A constraint violation or a syntax error
 * is no fault of the storage and stays what it is.
 */
final class StorageErrors {
    private StorageErrors() {
    }

    /** The storage fault behind {@code error}, or empty when it is none. */
    static Optional<StorageUnavailableException> fault(Throwable error) {
        SQLException poolTimeout = null;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout && poolTimeout == null) {
                // HikariCP's "Connection is not available": its cause, if any, says why (refused, unknown host …).
                poolTimeout = timeout;
                continue;
            }
            if (cause instanceof SQLException sql) {
                Optional<Kind> kind = kind(sql);
                if (kind.isPresent()) {
                    return Optional.of(new StorageUnavailableException(kind.get(), code(sql), error));
                }
            }
        }
        if (poolTimeout != null) {
            return Optional.of(new StorageUnavailableException(Kind.TIMEOUT, "no connection in time", error));
        }
        return Optional.empty();
    }

    private static Optional<Kind> kind(SQLException sql) {
        if (sql instanceof SQLiteException sqlite) {
            return sqliteKind(sqlite.getResultCode().name());
        }
        String state = sql.getSQLState();
        if (state == null) {
            return Optional.empty();
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return Optional.of(Kind.UNREACHABLE); // connection exceptions; the server shutting down or starting
        }
        if (state.equals("53100")) {
            return Optional.of(Kind.FULL);
        }
        if (state.startsWith("53")) {
            return Optional.of(Kind.BUSY); // out of memory, too many connections
        }
        if (state.equals("25006")) {
            return Optional.of(Kind.READ_ONLY);
        }
        if (state.equals("58030")) {
            return Optional.of(Kind.IO);
        }
        if (state.equals("57014")) {
            return Optional.of(Kind.TIMEOUT); // statement cancelled by a timeout
        }
        return Optional.empty();
    }

    private static Optional<Kind> sqliteKind(String code) {
        if (code.equals("SQLITE_FULL")) {
            return Optional.of(Kind.FULL);
        }
        if (code.startsWith("SQLITE_READONLY")) {
            return Optional.of(Kind.READ_ONLY);
        }
        if (code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN") || code.equals("SQLITE_NOMEM")
                || code.equals("SQLITE_PROTOCOL")) {
            return Optional.of(Kind.IO);
        }
        if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
            return Optional.of(Kind.BUSY);
        }
        return Optional.empty();
    }

    /** SQLite's result code or the SQLState: short, and safe to show a client (no host, no file name). */
    private static String code(SQLException sql) {
        if (sql instanceof SQLiteException sqlite) {
            return sqlite.getResultCode().name();
        }
        return "SQLState " + sql.getSQLState();
    }
}
