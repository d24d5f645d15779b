package io.combot.domain.port.out;

import io.combot.domain.model.ChatSession;
import io.combot.domain.model.SessionId;
import java.util.Optional;

/** Reads a stored session, expired or not; never writes. */
public interface LoadSessionPort {
    Optional<ChatSession> findSession(SessionId id);
}
