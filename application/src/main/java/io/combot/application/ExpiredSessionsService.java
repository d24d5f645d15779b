package io.combot.application;

import io.combot.domain.port.in.CountActiveSessionsUseCase;
import io.combot.domain.port.in.PurgeExpiredSessionsUseCase;
import io.combot.domain.port.out.CountActiveSessionsPort;
import io.combot.domain.port.out.PurgeExpiredSessionsPort;
import java.time.Clock;

/**
 * Purges expired sessions in batches of {@code batchSize}, each its own short write transaction, so that requests
 * get the database between two batches instead of waiting for one long delete.
 */
public class ExpiredSessionsService implements PurgeExpiredSessionsUseCase, CountActiveSessionsUseCase {
    private final PurgeExpiredSessionsPort purger;
    private final CountActiveSessionsPort counter;
    private final Clock clock;
    private final int batchSize;

    public ExpiredSessionsService(PurgeExpiredSessionsPort purger, CountActiveSessionsPort counter, Clock clock,
                                  int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The purge batch size must be at least 1, not " + batchSize);
        }
        this.purger = purger;
        this.counter = counter;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** The cut-off is fixed at the start, so that sessions expiring meanwhile wait for the next run. */
    @Override
    public int purgeExpiredSessions() {
        var now = Sessions.now(clock);
        int total = 0;
        int purged;
        do {
            purged = purger.purgeExpired(now, batchSize);
            total += purged;
        } while (purged == batchSize);
        return total;
    }

    @Override
    public long countActiveSessions() {
        return counter.countActive(Sessions.now(clock));
    }
}
