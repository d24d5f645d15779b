package io.combot.domain.port.in;

import io.combot.domain.model.ReplySink;
import io.combot.domain.model.UserMessage;

/**
 * Follows a turn as it happens, for streaming: first the classified user message, then the reply piece by piece.
 * Nothing it is told is stored yet; the turn is stored once, when the reply is complete.
 */
@FunctionalInterface
public interface TurnListener extends ReplySink {
    /** Wants only the stored turn: the reply need not be streamed. */
    TurnListener NONE = new TurnListener() {
        @Override
        public void delta(String text) {
        }

        @Override
        public boolean streaming() {
            return false;
        }
    };

    default void userMessage(UserMessage message) {
    }
}
