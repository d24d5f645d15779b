package io.combot.application;

import io.combot.domain.error.SessionNotFoundException;
import io.combot.domain.model.ChatSession;
import io.combot.domain.port.in.SessionQuery;
import io.combot.domain.port.out.LoadSessionPort;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Loads sessions for the use cases, checking that the caller may use them now. */
final class Sessions {
    private final LoadSessionPort store;
    private final Clock clock;

    Sessions(LoadSessionPort store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Instant now() {
        return now(clock);
    }

    /** Stores keep milliseconds, so times are cut to milliseconds before anything is stored or compared. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The caller's session, if it exists and has not expired. */
    ChatSession usable(SessionQuery query) {
        ChatSession session = owned(query);
        session.checkUsableBy(query.caller(), now());
        return session;
    }

    /** The caller's session, expired or not. */
    ChatSession owned(SessionQuery query) {
        ChatSession session = store.findSession(query.sessionId()).orElseThrow(SessionNotFoundException::new);
        if (!session.isOwnedBy(query.caller())) {
            throw new SessionNotFoundException();
        }
        return session;
    }
}
