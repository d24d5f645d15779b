package io.combot.domain.port.in;

import io.combot.domain.model.ReplySink;
import io.combot.domain.model.Turn;

public interface SendMessageUseCase {
    /**
     * Classifies the message, answers it and stores both in one write. Replies stream to {@code sink} as they are
     * produced; the returned turn is what was stored. Sends to one session are processed one after the other.
     */
    Turn sendMessage(SendMessageCommand command, ReplySink sink);

    default Turn sendMessage(SendMessageCommand command) {
        return sendMessage(command, ReplySink.DISCARD);
    }
}
