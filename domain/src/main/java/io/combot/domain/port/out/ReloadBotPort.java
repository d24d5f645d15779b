package io.combot.domain.port.out;

import io.combot.domain.model.BotReload;

/**
 * Reads the bot again from where it came from, checks it, and swaps it in for new requests; requests in flight finish
 * on the bot they started with. A folder that is not a valid bot throws
 * {@link io.combot.domain.error.InvalidBotException}; a model the promotion gate refuses (unless {@code force}) is
 * answered with {@link BotReload#swapped()} false. Either way the bot in use stays.
 */
public interface ReloadBotPort {
    BotReload reload(boolean force);
}
