package io.combot.domain.port.out;

import io.combot.domain.model.MessageId;
import io.combot.domain.model.Turn;
import java.util.Optional;

/** Finds a stored message by its id, with the other half of its turn. */
public interface FindTurnOfMessagePort {
    /**
     * The turn holding the message {@code messageId} (as its user message or its reply), in whichever session. Reads
     * never write.
     */
    Optional<Turn> findTurnOf(MessageId messageId);
}
