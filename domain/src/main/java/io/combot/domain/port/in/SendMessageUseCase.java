package io.combot.domain.port.in;

import io.combot.domain.model.Turn;

public interface SendMessageUseCase {
    /**
     * Classifies the message, answers it and stores both in one write. {@code listener} hears the user message once
     * classified and the reply as it is produced; the returned turn is what was stored. Sends to one session are
     * processed one after the other.
     */
    Turn sendMessage(SendMessageCommand command, TurnListener listener);

    default Turn sendMessage(SendMessageCommand command) {
        return sendMessage(command, TurnListener.NONE);
    }
}
