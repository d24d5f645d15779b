package io.combot.domain.port.in;

import io.combot.domain.model.BotReload;

/** An operator swaps in the bot as its folder now holds it, without a restart. */
public interface ReloadBotUseCase {
    BotReload reload(boolean force);
}
