package io.combot.domain.error;

import java.util.Locale;

/**
 * The store could not complete the operation and nothing of it was stored: the database is full, read-only,
 * unreachable, failing its I/O or too busy. Transient by nature: the same request may succeed once the fault ends.
 */
public final class StorageUnavailableException extends CombotException {
    /** What kind of fault; {@link #code()} names the database's own code for it. */
    public enum Kind {
        FULL, READ_ONLY, UNREACHABLE, TIMEOUT, IO, BUSY;

        /** The name used in metrics and logs: {@code read_only}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final String code;

    /** {@code code}: the database's code (SQLITE_FULL, SQLState 08006 …); {@code error}: what it threw. */
    public StorageUnavailableException(Kind kind, String code, Throwable error) {
        super("Storage " + describe(kind) + " (" + code + "); nothing was stored", error);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case FULL -> "is full";
            case READ_ONLY -> "is read-only";
            case UNREACHABLE -> "is unreachable";
            case TIMEOUT -> "did not answer in time";
            case IO -> "failed an I/O operation";
            case BUSY -> "is busy";
        };
    }
}
