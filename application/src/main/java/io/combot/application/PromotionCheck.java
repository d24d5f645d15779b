package io.combot.application;

import io.combot.domain.model.HeadEvaluation;
import io.combot.domain.model.IntentModel;
import io.combot.domain.model.LabelledText;
import io.combot.domain.model.ModelEvaluation;
import io.combot.domain.model.PromotionGate;
import io.combot.domain.port.out.EmbedTextsPort;
import java.util.List;
import java.util.Optional;

/**
 * The promotion gate as training and reload both apply it: the candidate and the current model are measured here, on
 * the same texts, by what they predict. No figure written in a model file is read, so a hand-edited or copied head
 * cannot vouch for itself.
 */
final class PromotionCheck {
    private final EmbedTextsPort embedder;

    PromotionCheck(EmbedTextsPort embedder) {
        this.embedder = embedder;
    }

    PromotionGate check(IntentModel candidate, Optional<IntentModel> current, List<LabelledText> texts,
                        List<LabelledText> screening, boolean force) {
        return check(candidate, current, texts, embedder.embed(texts.stream().map(LabelledText::text).toList()),
                screening, force);
    }

    /**
     * With the texts already embedded ({@code embedded.get(i)} is the i-th text's embedding). {@code screening}: the
     * held-out crisis and benign messages both models are screened on, as the service screens a message.
     */
    PromotionGate check(IntentModel candidate, Optional<IntentModel> current, List<LabelledText> texts,
                        List<float[]> embedded, List<LabelledText> screening, boolean force) {
        ModelEvaluation next = HeadEvaluation.heldOut(candidate, texts, embedded).evaluation();
        ModelEvaluation now = current.map(model -> HeadEvaluation.heldOut(model, texts, embedded).evaluation())
                .orElse(null);
        if (!screening.isEmpty()) {
            ScreeningMeasure measure = new ScreeningMeasure(screening, embedder);
            next = next.withScreening(measure.measure(candidate));
            now = current.isEmpty() ? null : now.withScreening(measure.measure(current.get()));
        }
        return PromotionGate.check(next, now, force);
    }
}
