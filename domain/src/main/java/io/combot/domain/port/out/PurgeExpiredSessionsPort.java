package io.combot.domain.port.out;

import java.time.Instant;

/** Deletes sessions nobody can use any more. */
public interface PurgeExpiredSessionsPort {
    /**
     * Deletes up to {@code batchSize} sessions that expired at or before {@code now}, with their messages and feedback,
     * in one short write transaction, and returns how many it deleted. Purgers running at once on a shared database
     * each delete other sessions (or none), never fail for the other's work.
     */
    int purgeExpired(Instant now, int batchSize);
}
