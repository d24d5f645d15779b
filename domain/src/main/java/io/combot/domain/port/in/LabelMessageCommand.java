package io.combot.domain.port.in;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.Intent;
import io.combot.domain.model.MessageId;

public record LabelMessageCommand(MessageId messageId, Intent intent) {
    public LabelMessageCommand {
        InvalidInputException.require(messageId != null, "A label names a message");
        InvalidInputException.require(intent != null, "A label names an intent");
    }
}
