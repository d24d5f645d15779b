package io.combot.application;

import io.combot.domain.model.BotReload;
import io.combot.domain.port.in.ReloadBotUseCase;
import io.combot.domain.port.out.ReloadBotPort;

/** Swaps in the bot as its folder now holds it; one reload at a time, so two never race to be the last one. */
public class ReloadBotService implements ReloadBotUseCase {
    private final ReloadBotPort reloader;

    public ReloadBotService(ReloadBotPort reloader) {
        this.reloader = reloader;
    }

    @Override
    public synchronized BotReload reload(boolean force) {
        return reloader.reload(force);
    }
}
