package io.combot.domain.error;

import io.combot.domain.model.PromotionGate;

/** A trained model that the promotion gate refused: it would have served worse than the model in use. */
public final class ModelRefusedException extends CombotException {
    private final transient PromotionGate gate;

    public ModelRefusedException(PromotionGate gate) {
        super("The promotion gate " + gate.reason());
        this.gate = gate;
    }

    public PromotionGate gate() {
        return gate;
    }
}
