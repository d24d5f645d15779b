package io.combot.domain.port.out;

import io.combot.domain.model.IntentModel;
import io.combot.domain.model.LabelledText;
import java.util.List;

/** A bot read again from where it came from and loaded beside the one serving, not yet swapped in. */
public interface BotCandidate {
    /** The bot it would serve. */
    ServingBot bot();

    /** Its intent model, which the promotion gate measures. */
    IntentModel model();

    /**
     * The texts the gate measures both models on: the held-out set, or without one the shipped bot's held-out crisis
     * texts.
     */
    List<LabelledText> gateTexts();

    /** The held-out screening messages (crisis and benign) the gate screens both models on. */
    List<LabelledText> screeningTexts();

    /** The bot serving when this one was read: a swap takes place only while it still serves. */
    ServingBot replaces();

    /** The intent model of {@link #replaces()}. */
    IntentModel servingModel();

    /** Lets go of what the candidate holds (its knowledge index) when it is not swapped in. */
    default void discard() {
    }
}
