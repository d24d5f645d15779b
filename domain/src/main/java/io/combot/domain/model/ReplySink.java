package io.combot.domain.model;

/**
 * Receives a reply as it is produced, piece by piece, so that it can be streamed to the client. The pieces, in
 * order, make up the whole reply text. A generator checks {@link #cancelled()} between pieces and stops early when
 * the receiver has gone away, returning what it has as an incomplete reply.
 */
@FunctionalInterface
public interface ReplySink {
    ReplySink DISCARD = delta -> { };

    void delta(String text);

    default boolean cancelled() {
        return false;
    }
}
