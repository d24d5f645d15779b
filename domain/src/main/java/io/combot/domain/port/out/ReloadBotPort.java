package io.combot.domain.port.out;

/**
 * Reads the bot again from where it came from and swaps it in for new requests; requests in flight finish on the bot
 * they started with. Whether it may be swapped in is the promotion gate's call, not the port's.
 */
public interface ReloadBotPort {
    /**
     * The bot as its source holds it now, loaded beside the one serving. A source that is not a valid bot throws
     * {@link io.combot.domain.error.InvalidBotException}.
     */
    BotCandidate read();

    /**
     * Swaps the candidate in if the bot it {@linkplain BotCandidate#replaces() replaces} still serves; false (and the
     * bot serving stays) when another swap came first.
     */
    boolean swap(BotCandidate candidate);
}
