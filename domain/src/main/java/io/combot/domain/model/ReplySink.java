package io.combot.domain.model;

/**
 * Receives a reply as it is produced, piece by piece, so that it can be streamed to the client. The pieces, in
 * order, make up the whole reply text. A generator checks {@link #cancelled()} between pieces and stops early when
 * the receiver has gone away, returning what it has as an incomplete reply.
 */
@FunctionalInterface
public interface ReplySink {
    /** Wants only the finished reply. */
    ReplySink DISCARD = whole(delta -> { });

    void delta(String text);

    default boolean cancelled() {
        return false;
    }

    /**
     * Whether the receiver shows the pieces as they come. When it does not, a generator may produce the reply in one
     * piece, which is cheaper than a stream (one response to parse instead of one per token).
     */
    default boolean streaming() {
        return true;
    }

    /** A sink that takes the reply whole, as one piece, through {@code receiver}. */
    static ReplySink whole(ReplySink receiver) {
        return new ReplySink() {
            @Override
            public void delta(String text) {
                receiver.delta(text);
            }

            @Override
            public boolean streaming() {
                return false;
            }
        };
    }
}
