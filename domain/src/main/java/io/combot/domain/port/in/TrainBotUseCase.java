package io.combot.domain.port.in;

import io.combot.domain.model.PromotionGate;
import java.util.function.Consumer;

/**
 * Builds a bot's model from its folder ({@code bin/combot train}): reads and checks the folder, merges labels, embeds
 * the examples, fits the head, evaluates it, and writes it unless the promotion gate refuses it. A folder that is not
 * a valid bot throws {@link io.combot.domain.error.InvalidBotException}; labels that cannot be read throw
 * {@link io.combot.domain.error.UnreadableLabelsException}.
 */
public interface TrainBotUseCase {
    /** {@code console} gets the progress and the report as text to print as it is, newlines included. */
    Trained train(TrainBotCommand command, Consumer<String> console);

    /** @param written the model was written (the gate passed, or was forced) */
    record Trained(boolean written, PromotionGate gate) {
    }
}
