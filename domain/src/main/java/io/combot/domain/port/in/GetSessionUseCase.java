package io.combot.domain.port.in;

import io.combot.domain.model.ChatSession;

public interface GetSessionUseCase {
    /** Never writes. */
    ChatSession getSession(SessionQuery query);
}
