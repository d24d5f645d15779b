package io.combot.domain.port.in;

import io.combot.domain.model.ChatSession;

public interface StartSessionUseCase {
    ChatSession startSession(StartSessionCommand command);
}
