package io.combot.domain.port.in;

import io.combot.domain.model.Label;
import io.combot.domain.model.MessageId;

/** An admin's labels on user messages, training data for the serving bot. */
public interface LabelMessageUseCase {
    /**
     * Labels a stored user message with an intent of the serving bot, in place of any earlier label. Throws
     * {@link io.combot.domain.error.MessageNotFoundException} for an unknown message and
     * {@link io.combot.domain.error.InvalidInputException} for a reply or an intent the bot lacks.
     */
    Label label(LabelMessageCommand command);

    /**
     * Removes the message's label; its message may be gone by then. Throws
     * {@link io.combot.domain.error.MessageNotFoundException} when neither a label nor a message has that id.
     */
    void unlabel(MessageId messageId);
}
