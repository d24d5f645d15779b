package io.combot.application;

import io.combot.domain.model.HeadEvaluation;
import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentModel;
import io.combot.domain.model.LabelledText;
import io.combot.domain.model.ModelEvaluation;
import io.combot.domain.model.PromotionGate;
import io.combot.domain.model.ScreeningEvaluation;
import io.combot.domain.port.out.EmbedTextsPort;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The promotion gate as training and reload both apply it: the candidate and the current model are measured here, on
 * the same texts, by what they predict. No figure written in a model file is read, so a hand-edited or copied head
 * cannot vouch for itself.
 */
final class PromotionCheck {
    /**
     * How far below a message's score a lowered threshold goes: the head file keeps six significant digits, and the
     * threshold read back must still flag that message.
     */
    private static final double BELOW = 1e-5;

    private final EmbedTextsPort embedder;

    PromotionCheck(EmbedTextsPort embedder) {
        this.embedder = embedder;
    }

    /** A candidate and what {@link #keepingCrisisRecall} did to it: one line for the training report, or none. */
    record RecallFloor(IntentModel model, String report) {
    }

    /**
     * The held-out crisis and benign messages both models are screened on, as the service screens a message, embedded
     * once for every measure of one training or reload; null without any.
     */
    ScreeningMeasure screening(List<LabelledText> screening) {
        return screening.isEmpty() ? null : new ScreeningMeasure(screening, embedder);
    }

    PromotionGate check(IntentModel candidate, Optional<IntentModel> current, List<LabelledText> texts,
                        ScreeningMeasure screening, boolean force) {
        return check(candidate, current, texts, embedder.embed(texts.stream().map(LabelledText::text).toList()),
                screening, force);
    }

    /** With the texts already embedded ({@code embedded.get(i)} is the i-th text's embedding). */
    PromotionGate check(IntentModel candidate, Optional<IntentModel> current, List<LabelledText> texts,
                        List<float[]> embedded, ScreeningMeasure screening, boolean force) {
        ModelEvaluation next = HeadEvaluation.heldOut(candidate, texts, embedded).evaluation();
        ModelEvaluation now = current.map(model -> HeadEvaluation.heldOut(model, texts, embedded).evaluation())
                .orElse(null);
        if (screening != null) {
            next = next.withScreening(screening.measure(candidate));
            now = current.isEmpty() ? null : now.withScreening(screening.measure(current.get()));
        }
        return PromotionGate.check(next, now, force);
    }

    /**
     * The candidate, its crisis threshold lowered just enough to flag as many held-out screening crisis messages as the
     * current model does, when it flags fewer; never raised. A team's new examples move the crisis head and its
     * threshold a little, and the gate refuses a model that catches even one crisis message fewer: this keeps a
     * retrain from losing crisis recall to a threshold's drift, at the price of more false alarms, which the gate
     * still bounds.
     */
    static RecallFloor keepingCrisisRecall(IntentModel candidate, Optional<IntentModel> current,
                                           ScreeningMeasure screening) {
        if (current.isEmpty() || screening == null) {
            return new RecallFloor(candidate, "");
        }
        ScreeningEvaluation next = screening.measure(candidate);
        ScreeningEvaluation now = screening.measure(current.get());
        if (next == null || now == null || next.crisisMissed() <= now.crisisMissed()) {
            return new RecallFloor(candidate, "");
        }
        OptionalDouble score = screening.thresholdFlagging(candidate, now.crisisTexts() - now.crisisMissed());
        if (score.isEmpty() || score.getAsDouble() <= 0) {
            return new RecallFloor(candidate, "");
        }
        IntentModel lowered = candidate.withDecisionThreshold(score.getAsDouble() * (1 - BELOW));
        return new RecallFloor(lowered, String.format(Locale.ROOT, "crisis threshold lowered from %.4f to %.4f: at "
                + "%.4f the new model misses %d of %d held-out crisis messages, where the model in use misses %d%n",
                candidate.decisionThreshold(), lowered.decisionThreshold(), candidate.decisionThreshold(),
                next.crisisMissed(), next.crisisTexts(), now.crisisMissed()));
    }

    /**
     * The gate, refused (or, with {@code force}, forced) when the new model no longer reads as a crisis the text of a
     * merged label that the model in use reads as one. Labels are where a careless or hostile review enters, and the
     * held-out figures cannot see this harm: a label with a held-out text is left out, and one that calls a variant of
     * a crisis message smalltalk teaches the model that variant only. Unlearning a crisis reading is the operator's
     * call, made with {@code --force}. A gate already refused or forced for another reason gets this one added, so
     * that the operator who fixes the first learns of the second now.
     *
     * @param embedded the embedding of each merged label's text, as training embedded it
     */
    static PromotionGate keepingCrisisReadings(PromotionGate gate, IntentModel candidate,
                                               Optional<IntentModel> current, List<LabelledText> merged,
                                               Map<String, float[]> embedded, boolean force) {
        if (current.isEmpty()) {
            return gate;
        }
        List<String> unlearnt = merged.stream().filter(label -> !label.intent().equals(Intent.CRISIS))
                .map(LabelledText::text)
                .filter(text -> current.get().predict(text, embedded.get(text)).equals(Intent.CRISIS)
                        && !candidate.predict(text, embedded.get(text)).equals(Intent.CRISIS))
                .toList();
        if (unlearnt.isEmpty()) {
            return gate;
        }
        String reason = String.format(Locale.ROOT, "the new model no longer reads %d merged labels' texts as a crisis "
                + "where the model in use does (first: '%s'); a label does not unlearn a crisis without --force",
                unlearnt.size(), LabelledText.abbreviate(unlearnt.get(0)));
        if (!gate.passed() || gate.forced()) {
            return new PromotionGate(gate.passed(), gate.forced(), gate.reason() + "; and " + reason,
                    gate.candidate(), gate.current());
        }
        return force ? new PromotionGate(true, true, "forced: " + reason, gate.candidate(), gate.current())
                : new PromotionGate(false, false, "refused: " + reason, gate.candidate(), gate.current());
    }
}
