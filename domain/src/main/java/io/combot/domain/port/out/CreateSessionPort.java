package io.combot.domain.port.out;

import io.combot.domain.model.ChatSession;
import io.combot.domain.model.OwnerId;
import java.time.Instant;
import java.util.Optional;

/** Stores new sessions, within their owner's quota when they count in it. */
public interface CreateSessionPort {
    void create(ChatSession session);

    /**
     * Stores {@code session} unless its owner already holds {@code quota} sessions in the quota
     * ({@link ChatSession#inQuota()}) unexpired at its start; false when refused. Counting and storing are one step for
     * every instance that shares the store, so creates running at once, here or on another instance, never take an
     * owner past its quota.
     */
    boolean createWithinQuota(ChatSession session, long quota);

    /**
     * When the first of {@code owner}'s sessions in the quota unexpired at {@code now} expires, which is when a refused
     * create may succeed at the latest; empty when none. Reads never write.
     */
    Optional<Instant> firstExpiryInQuota(OwnerId owner, Instant now);
}
