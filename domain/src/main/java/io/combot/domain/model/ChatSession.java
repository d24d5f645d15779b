package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.SessionExpiredException;
import io.combot.domain.error.SessionNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A conversation. It belongs to one owner, expires after a period of inactivity, and changes only when a turn is
 * recorded: reading it never alters it, which is what lets the store write a session only when it changed. A session
 * started for one chat-completion request that named none is outside its owner's quota of sessions.
 */
public final class ChatSession {
    private final SessionId id;
    private final OwnerId owner;
    private final Instant createdAt;
    private final Instant lastActivityAt;
    private final Instant expiresAt;
    private final long messageCount;
    private final TokenUsage tokenUsage;
    private final boolean inQuota;

    private ChatSession(SessionId id, OwnerId owner, Instant createdAt, Instant lastActivityAt, Instant expiresAt,
                        long messageCount, TokenUsage tokenUsage, boolean inQuota) {
        InvalidInputException.require(id != null && owner != null, "A session has an id and an owner");
        InvalidInputException.require(createdAt != null && lastActivityAt != null && expiresAt != null,
                "A session has its creation, last activity and expiry times");
        InvalidInputException.require(!lastActivityAt.isBefore(createdAt), "Last activity cannot precede creation");
        InvalidInputException.require(expiresAt.isAfter(lastActivityAt), "A session expires after its last activity");
        InvalidInputException.require(messageCount >= 0 && messageCount % 2 == 0,
                "A session holds whole turns, so an even number of messages");
        InvalidInputException.require(tokenUsage != null, "A session sums its token usage");
        this.id = id;
        this.owner = owner;
        this.createdAt = createdAt;
        this.lastActivityAt = lastActivityAt;
        this.expiresAt = expiresAt;
        this.messageCount = messageCount;
        this.tokenUsage = tokenUsage;
        this.inQuota = inQuota;
    }

    /** A session its owner asked for: it counts against the owner's quota until it expires. */
    public static ChatSession start(OwnerId owner, Instant now, Duration idleTimeout) {
        return start(owner, now, idleTimeout, true);
    }

    /** A session started for a chat completion that named none: it does not count against the owner's quota. */
    public static ChatSession startOutsideQuota(OwnerId owner, Instant now, Duration idleTimeout) {
        return start(owner, now, idleTimeout, false);
    }

    private static ChatSession start(OwnerId owner, Instant now, Duration idleTimeout, boolean inQuota) {
        requirePositive(idleTimeout);
        return new ChatSession(SessionId.random(), owner, now, now, now.plus(idleTimeout), 0, TokenUsage.NONE,
                inQuota);
    }

    /** Rebuilds a session from storage. */
    public static ChatSession reconstitute(SessionId id, OwnerId owner, Instant createdAt, Instant lastActivityAt,
                                           Instant expiresAt, long messageCount, TokenUsage tokenUsage,
                                           boolean inQuota) {
        return new ChatSession(id, owner, createdAt, lastActivityAt, expiresAt, messageCount, tokenUsage, inQuota);
    }

    /**
     * Checks that {@code caller} may use this session at {@code now}. Another owner's session is reported exactly as
     * a missing one, so that ids cannot be probed.
     */
    public void checkUsableBy(OwnerId caller, Instant now) {
        if (!owner.equals(caller)) {
            throw new SessionNotFoundException();
        }
        if (isExpiredAt(now)) {
            throw new SessionExpiredException(expiresAt);
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isOwnedBy(OwnerId caller) {
        return owner.equals(caller);
    }

    /** The sequence number the next user message takes. */
    public long nextSequence() {
        return messageCount;
    }

    /** This session after {@code turn}: its activity moved to the reply's time, its expiry pushed back. */
    public ChatSession after(Turn turn, Duration idleTimeout) {
        requirePositive(idleTimeout);
        InvalidInputException.require(turn.sessionId().equals(id), "The turn belongs to another session");
        InvalidInputException.require(turn.userMessage().sequence() == nextSequence(),
                "The turn must start at sequence " + nextSequence());
        Instant activity = turn.reply().createdAt();
        return new ChatSession(id, owner, createdAt, activity, activity.plus(idleTimeout), messageCount + 2,
                tokenUsage.plus(turn.reply().usage()), inQuota);
    }

    private static void requirePositive(Duration idleTimeout) {
        InvalidInputException.require(idleTimeout != null && !idleTimeout.isNegative() && !idleTimeout.isZero(),
                "The idle timeout must be positive");
    }

    public SessionId id() {
        return id;
    }

    public OwnerId owner() {
        return owner;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public long messageCount() {
        return messageCount;
    }

    public TokenUsage tokenUsage() {
        return tokenUsage;
    }

    /** Whether this session counts against its owner's quota of unexpired sessions. */
    public boolean inQuota() {
        return inQuota;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChatSession that
                && id.equals(that.id) && owner.equals(that.owner) && createdAt.equals(that.createdAt)
                && lastActivityAt.equals(that.lastActivityAt) && expiresAt.equals(that.expiresAt)
                && messageCount == that.messageCount && tokenUsage.equals(that.tokenUsage) && inQuota == that.inQuota;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, lastActivityAt, messageCount);
    }

    @Override
    public String toString() {
        return "ChatSession[" + id + ", messages=" + messageCount + ", expiresAt=" + expiresAt + "]";
    }
}
