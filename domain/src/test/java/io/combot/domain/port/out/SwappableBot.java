package io.combot.domain.port.out;

import io.combot.domain.model.BotReload;
import io.combot.domain.model.ModelEvaluation;
import io.combot.domain.model.PromotionGate;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The in-memory double of {@link CurrentBotPort} and {@link ReloadBotPort}: serves the bot it was last given; a reload
 * swaps in the bot staged with {@link #stage} (the one serving when none is staged), always past the gate.
 */
public final class SwappableBot implements CurrentBotPort, ReloadBotPort {
    private static final ModelEvaluation PERFECT = new ModelEvaluation(ModelEvaluation.HELDOUT, 1, 1, 1, 1, 0);

    private final AtomicReference<ServingBot> current;
    private final AtomicReference<ServingBot> staged = new AtomicReference<>();

    public SwappableBot(ServingBot initial) {
        this.current = new AtomicReference<>(initial);
    }

    @Override
    public ServingBot current() {
        return current.get();
    }

    public void swap(ServingBot next) {
        current.set(next);
    }

    /** What the next reload swaps in, as a changed folder would be. */
    public void stage(ServingBot next) {
        staged.set(next);
    }

    @Override
    public BotReload reload(boolean force) {
        ServingBot previous = current.get();
        ServingBot next = staged.getAndSet(null);
        ServingBot serving = next == null ? previous : next;
        current.set(serving);
        return new BotReload(true, serving.definition().name(), serving.modelVersion(), serving.modelVersion(),
                previous.modelVersion(), serving.definition().intentNames(),
                PromotionGate.check(PERFECT, PERFECT, force));
    }
}
