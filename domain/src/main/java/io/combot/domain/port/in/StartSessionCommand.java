package io.combot.domain.port.in;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.OwnerId;

/** {@code inQuota} false: a session for one chat completion, which does not spend the owner's quota of sessions. */
public record StartSessionCommand(OwnerId owner, boolean inQuota) {
    public StartSessionCommand {
        InvalidInputException.require(owner != null, "A session is started for an owner");
    }

    public StartSessionCommand(OwnerId owner) {
        this(owner, true);
    }
}
