package io.combot.application;

import io.combot.domain.error.SessionBusyException;
import io.combot.domain.model.SessionId;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per session in use, so that turns of a session run one after the other while different sessions run in
 * parallel. An entry lives only while someone holds or waits for it, so the map stays as small as the traffic.
 */
final class SessionLocks {
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    private final ConcurrentHashMap<SessionId, Entry> entries = new ConcurrentHashMap<>();
    private final Duration wait;

    SessionLocks(Duration wait) {
        this.wait = wait;
    }

    <T> T withLock(SessionId id, Supplier<T> action) {
        Entry entry = entries.compute(id, (key, existing) -> {
            Entry value = existing == null ? new Entry() : existing;
            value.users++;
            return value;
        });
        try {
            if (!entry.lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SessionBusyException();
            }
            try {
                return action.get();
            } finally {
                entry.lock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionBusyException();
        } finally {
            entries.computeIfPresent(id, (key, value) -> --value.users == 0 ? null : value);
        }
    }

    int sessionsInUse() {
        return entries.size();
    }
}
