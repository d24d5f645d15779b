package io.combot.bootstrap;

import io.combot.domain.port.in.PurgeExpiredSessionsUseCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges expired sessions every interval on one daemon thread. Each batch is its own short transaction (see the use
 * case), so requests get the database between batches; a failed run is logged and the next one tries again.
 */
final class SessionPurgeJob implements PurgeExpiredSessionsUseCase, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionPurgeJob.class);

    private final PurgeExpiredSessionsUseCase purge;
    private final Counter purged;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "session-purge");
        thread.setDaemon(true);
        return thread;
    });

    SessionPurgeJob(PurgeExpiredSessionsUseCase purge, MeterRegistry registry, Duration interval) {
        this.purge = purge;
        this.purged = Counter.builder("combot.sessions.purged").description("Expired sessions deleted")
                .register(registry);
        scheduler.scheduleWithFixedDelay(this::runQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Purges now, on the caller's thread (the admin endpoint), and returns how many sessions went. */
    @Override
    public int purgeExpiredSessions() {
        int count = purge.purgeExpiredSessions();
        purged.increment(count);
        if (count > 0) {
            LOG.info("Purged {} expired sessions", count);
        }
        return count;
    }

    private void runQuietly() {
        try {
            purgeExpiredSessions();
        } catch (RuntimeException e) {
            LOG.warn("Purging expired sessions failed; the next run retries", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
