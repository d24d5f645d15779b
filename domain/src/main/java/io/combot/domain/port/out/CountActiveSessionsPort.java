package io.combot.domain.port.out;

import java.time.Instant;

/** How many sessions are in use, for the operator. */
public interface CountActiveSessionsPort {
    /** How many sessions have not expired at {@code now}. Reads never write. */
    long countActive(Instant now);
}
