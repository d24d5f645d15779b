package io.combot.domain.port.in;

/** Deletes the sessions that expired, with their messages, so that no one has to clear old sessions by hand. */
public interface PurgeExpiredSessionsUseCase {
    /** Purges in bounded batches until none is left; returns how many sessions went. */
    int purgeExpiredSessions();
}
