package io.combot.application;

import io.combot.domain.error.SessionLimitException;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.OwnerId;
import io.combot.domain.port.in.EndSessionUseCase;
import io.combot.domain.port.in.GetSessionUseCase;
import io.combot.domain.port.in.SessionQuery;
import io.combot.domain.port.in.StartSessionCommand;
import io.combot.domain.port.in.StartSessionUseCase;
import io.combot.domain.port.out.CreateSessionPort;
import io.combot.domain.port.out.DeleteSessionPort;
import io.combot.domain.port.out.LoadSessionPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

public class SessionService implements StartSessionUseCase, GetSessionUseCase, EndSessionUseCase {
    private final CreateSessionPort creator;
    private final DeleteSessionPort deleter;
    private final Sessions sessions;
    private final ChatPolicy policy;

    public SessionService(LoadSessionPort loader, CreateSessionPort creator, DeleteSessionPort deleter, Clock clock,
                          ChatPolicy policy) {
        this.creator = creator;
        this.deleter = deleter;
        this.sessions = new Sessions(loader, clock);
        this.policy = policy;
    }

    /**
     * Refuses a session beyond a client key's quota, saying when its first session expires. Without client keys every
     * caller is the anonymous owner, so a quota would be one budget shared by all callers: it applies to keyed owners
     * only. The store counts and creates in one step, so concurrent creates on any instance cannot overshoot it.
     */
    @Override
    public ChatSession startSession(StartSessionCommand command) {
        Instant now = sessions.now();
        if (!command.inQuota()) {
            ChatSession session = ChatSession.startOutsideQuota(command.owner(), now, policy.idleTimeout());
            creator.create(session);
            return session;
        }
        ChatSession session = ChatSession.start(command.owner(), now, policy.idleTimeout());
        if (command.owner().equals(OwnerId.ANONYMOUS)) {
            creator.create(session);
            return session;
        }
        if (!creator.createWithinQuota(session, policy.maxSessionsPerOwner())) {
            // A session expired or ended meanwhile frees its place at once: the wait is at most this, never less.
            Duration wait = creator.firstExpiryInQuota(command.owner(), now)
                    .map(expiry -> Duration.between(now, expiry))
                    .orElse(Duration.ZERO);
            throw new SessionLimitException(policy.maxSessionsPerOwner(), wait);
        }
        return session;
    }

    @Override
    public ChatSession getSession(SessionQuery query) {
        return sessions.usable(query);
    }

    /** An expired session may still be deleted: its owner wants it gone either way. */
    @Override
    public void endSession(SessionQuery query) {
        deleter.delete(sessions.owned(query).id());
    }
}
