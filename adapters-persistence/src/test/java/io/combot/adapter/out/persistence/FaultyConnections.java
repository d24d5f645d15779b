package io.combot.adapter.out.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Wraps the writer's connections so that a test can make the n-th statement (or commit) from now fail as the database
 * would: the steps counted are every statement execution and every commit. Each {@link Fault} leaves the real
 * connection as the database leaves it.
 */
final class FaultyConnections implements UnaryOperator<DataSource> {
    enum Fault {
        /** SQLite on SQLITE_FULL: the transaction is ended by SQLite itself, so a rollback then fails. */
        SQLITE_FULL_ENDS_TRANSACTION,
        /** PostgreSQL's disk_full: the statement fails, the transaction stays open (aborted) until rolled back. */
        POSTGRES_DISK_FULL,
        /** The connection is gone: the server went away or the socket broke. */
        CONNECTION_LOST
    }

    private final AtomicInteger stepsLeft = new AtomicInteger(-1);
    private final Set<Connection> faulted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reusedAfterFault = new AtomicInteger();
    private volatile Fault fault;

    /** The {@code step}-th statement or commit from now (1 = the next one) fails with {@code fault}. */
    void arm(int step, Fault fault) {
        this.fault = fault;
        stepsLeft.set(step);
    }

    /** True while the armed fault has not fired yet. */
    boolean armed() {
        return stepsLeft.get() > 0;
    }

    void disarm() {
        stepsLeft.set(-1);
    }

    /** Statements prepared or commits made on a connection after a fault hit it: a pool that reuses one counts. */
    int reusedAfterFault() {
        return reusedAfterFault.get();
    }

    @Override
    public DataSource apply(DataSource real) {
        return proxy(DataSource.class, real, (method, args) -> {
            Object result = method.invoke(real, args);
            if (method.getName().equals("getConnection")) {
                Connection connection = (Connection) result;
                return proxy(Connection.class, connection, (m, a) -> connectionCall(connection, m, a));
            }
            return result;
        });
    }

    private Object connectionCall(Connection connection, Method method, Object[] args) throws Throwable {
        if (faulted.contains(connection) && (method.getName().equals("commit")
                || method.getName().endsWith("Statement") || method.getName().equals("prepareCall"))) {
            reusedAfterFault.incrementAndGet();
        }
        if (method.getName().equals("commit")) {
            step(connection);
        }
        Object result = method.invoke(connection, args);
        if (result instanceof Statement statement) {
            return proxy(method.getReturnType(), statement, (m, a) -> {
                if (m.getName().startsWith("execute")) {
                    step(connection);
                }
                return m.invoke(statement, a);
            });
        }
        return result;
    }

    private void step(Connection connection) throws SQLException {
        if (stepsLeft.get() <= 0 || stepsLeft.decrementAndGet() != 0) {
            return;
        }
        faulted.add(connection);
        switch (fault) {
            case SQLITE_FULL_ENDS_TRANSACTION -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ROLLBACK");
                }
                throw new SQLiteException("[SQLITE_FULL] database or disk is full (injected)",
                        SQLiteErrorCode.SQLITE_FULL);
            }
            case POSTGRES_DISK_FULL -> throw new SQLException("could not extend file: No space left (injected)",
                    "53100");
            case CONNECTION_LOST -> {
                connection.close();
                throw new SQLException("An I/O error occurred while sending to the backend (injected)", "08006");
            }
            default -> throw new IllegalStateException(fault.name());
        }
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(FaultyConnections.class.getClassLoader(),
                new Class<?>[] {type}, handler));
    }
}
