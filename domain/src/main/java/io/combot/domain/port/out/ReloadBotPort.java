package io.combot.domain.port.out;

import io.combot.domain.model.BotReload;

/**
 * Reads the bot again from where it came from, checks it, and swaps it in for new requests; requests in flight finish
 * on the bot they started with. Throws {@link io.combot.domain.error.InvalidBotException} for a bot that cannot be
 * served and {@link io.combot.domain.error.ModelRefusedException} for a model the promotion gate refuses (unless
 * {@code force}); either way the bot in use stays.
 */
public interface ReloadBotPort {
    BotReload reload(boolean force);
}
