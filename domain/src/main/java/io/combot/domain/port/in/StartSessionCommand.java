package io.combot.domain.port.in;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.OwnerId;

public record StartSessionCommand(OwnerId owner) {
    public StartSessionCommand {
        InvalidInputException.require(owner != null, "A session is started for an owner");
    }
}
