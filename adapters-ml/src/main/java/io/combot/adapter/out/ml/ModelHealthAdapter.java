package io.combot.adapter.out.ml;

import io.combot.domain.model.ComponentHealth;
import io.combot.domain.port.out.HealthCheckPort;
import io.combot.domain.port.out.ServingBot;

/** Up once the bot's model is loaded (its constructor returned) and until it is closed; names the bot and model. */
final class ModelHealthAdapter implements HealthCheckPort {
    static final String NAME = "model";

    private final DjlBotAdapter bots;

    ModelHealthAdapter(DjlBotAdapter bots) {
        this.bots = bots;
    }

    @Override
    public ComponentHealth check() {
        ServingBot bot = bots.current();
        return bots.isOpen()
                ? ComponentHealth.up(NAME, "bot " + bot.definition().name() + ", model " + bot.modelVersion()
                        + " (all-MiniLM-L6-v2 quantized on " + bots.engineName() + ")")
                : ComponentHealth.down(NAME, "the classifier is closed");
    }
}
