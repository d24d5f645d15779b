package io.combot.domain.port.out;

import io.combot.domain.model.BotData;
import io.combot.domain.model.FittedHead;
import java.util.List;
import java.util.function.Consumer;

/**
 * The training step of safety and scope, after the intent head is fitted: trains the crisis decision on the bot's
 * crisis examples and its screening texts, and, when {@code bot.yaml} sets no minimum confidence, chooses one on the
 * held-out texts.
 */
public interface CalibrateSafetyPort {
    /**
     * @param train    the embedding of each training text, in order
     * @param heldout  the embedding of each held-out text, in order; empty when the bot has no held-out set
     * @return the head with its crisis decision and minimum confidence, its fit report extended with this step's
     */
    FittedHead calibrate(BotData bot, FittedHead head, List<float[]> train, List<float[]> heldout,
                         Consumer<String> progress);
}
