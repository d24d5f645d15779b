package io.combot.application;

import io.combot.domain.model.BotDefinition;
import io.combot.domain.model.BotReload;
import io.combot.domain.model.PromotionGate;
import io.combot.domain.port.in.ReloadBotUseCase;
import io.combot.domain.port.out.BotCandidate;
import io.combot.domain.port.out.EmbedTextsPort;
import io.combot.domain.port.out.ReloadBotPort;
import java.util.Optional;

/**
 * Swaps in the bot as its folder now holds it, past the same promotion gate as training; one reload at a time, so two
 * never race to be the last one.
 */
public class ReloadBotService implements ReloadBotUseCase {
    private static final System.Logger LOG = System.getLogger(ReloadBotService.class.getName());

    private final ReloadBotPort reloader;
    private final PromotionCheck promotion;

    public ReloadBotService(ReloadBotPort reloader, EmbedTextsPort embedder) {
        this.reloader = reloader;
        this.promotion = new PromotionCheck(embedder);
    }

    @Override
    public synchronized BotReload reload(boolean force) {
        BotCandidate candidate = reloader.read();
        PromotionGate gate = promotion.check(candidate.model(), Optional.of(candidate.servingModel()),
                candidate.gateTexts(), promotion.screening(candidate.screeningTexts()), force);
        BotDefinition definition = candidate.bot().definition();
        String next = candidate.bot().modelVersion();
        String previous = candidate.replaces().modelVersion();
        if (!gate.passed()) {
            candidate.discard();
            LOG.log(System.Logger.Level.WARNING, "Bot reload refused, model {0} keeps serving: {1}", previous,
                    gate.reason());
            return new BotReload(false, definition.name(), next, previous, previous, definition.intentNames(), gate);
        }
        if (!reloader.swap(candidate)) {
            throw new IllegalStateException("The bot was swapped by something other than this service meanwhile");
        }
        LOG.log(System.Logger.Level.INFO, "Bot {0} reloaded: model {1} replaces {2}; gate {3}", definition.name(),
                next, previous, gate.reason());
        return new BotReload(true, definition.name(), next, next, previous, definition.intentNames(), gate);
    }
}
