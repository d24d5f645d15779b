package io.combot.domain.model;

import java.util.List;

/**
 * What a reload did: swapped in the folder's bot, or kept the one serving because the promotion gate refused the
 * folder's model.
 *
 * @param candidateModelVersion the model the folder holds
 * @param servingModelVersion   the model serving after the reload: the candidate when swapped, else the old one
 * @param intents               the folder's intents
 */
public record BotReload(boolean swapped, String name, String candidateModelVersion, String servingModelVersion,
                        String previousModelVersion, List<Intent> intents, PromotionGate gate) {
    public BotReload {
        intents = List.copyOf(intents);
    }
}
