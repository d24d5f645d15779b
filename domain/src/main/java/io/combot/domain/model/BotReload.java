package io.combot.domain.model;

import java.util.List;

/** A bot that was swapped in: what now serves, and the gate it passed. */
public record BotReload(String name, String modelVersion, String previousModelVersion, List<Intent> intents,
                        PromotionGate gate) {
    public BotReload {
        intents = List.copyOf(intents);
    }
}
