package io.combot.application;

import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentModel;
import io.combot.domain.model.LabelledText;
import io.combot.domain.model.MessageParts;
import io.combot.domain.model.ScreeningEvaluation;
import io.combot.domain.port.out.EmbedTextsPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Screens held-out crisis and benign messages as the service screens a message ({@link CrisisScreening}): the whole
 * message, then each of its parts, a crisis when any of them is. Every message and part is embedded once, so that
 * both models of a gate are measured on the same vectors.
 */
final class ScreeningMeasure {
    private final List<LabelledText> texts;
    private final int readWhole;
    private final Map<String, float[]> embedded = new HashMap<>();

    ScreeningMeasure(List<LabelledText> texts, EmbedTextsPort embedder) {
        this.texts = List.copyOf(texts);
        this.readWhole = embedder.readsWholeUpTo();
        List<String> all = new ArrayList<>();
        for (LabelledText text : texts) {
            all.add(text.text());
            List<String> parts = MessageParts.of(text.text(), readWhole);
            if (parts.size() > 1) {
                all.addAll(parts);
            }
        }
        List<String> distinct = all.stream().distinct().toList();
        List<float[]> vectors = distinct.isEmpty() ? List.of() : embedder.embed(distinct);
        for (int i = 0; i < distinct.size(); i++) {
            embedded.put(distinct.get(i), vectors.get(i));
        }
    }

    /** Null without screening texts of both kinds. */
    ScreeningEvaluation measure(IntentModel model) {
        int crisisTexts = 0;
        int crisisMissed = 0;
        int benignTexts = 0;
        int benignFlagged = 0;
        for (LabelledText text : texts) {
            boolean flagged = flagged(model, text.text());
            if (text.intent().equals(Intent.CRISIS)) {
                crisisTexts++;
                crisisMissed += flagged ? 0 : 1;
            } else {
                benignTexts++;
                benignFlagged += flagged ? 1 : 0;
            }
        }
        return crisisTexts == 0 || benignTexts == 0 ? null
                : new ScreeningEvaluation(crisisTexts, crisisMissed, benignTexts, benignFlagged);
    }

    /**
     * The highest crisis decision threshold at which {@code model} flags at least {@code messages} of the crisis
     * messages; empty when it cannot flag that many.
     */
    OptionalDouble thresholdFlagging(IntentModel model, int messages) {
        double[] best = texts.stream().filter(text -> text.intent().equals(Intent.CRISIS))
                .mapToDouble(text -> highestScore(model, text.text())).sorted().toArray();
        return messages < 1 || messages > best.length ? OptionalDouble.empty()
                : OptionalDouble.of(best[best.length - messages]);
    }

    /** The highest crisis score of a message's whole text and its parts: it is flagged when this reaches the threshold. */
    private double highestScore(IntentModel model, String text) {
        double best = model.crisisScore(text, embedded.get(text));
        List<String> parts = MessageParts.of(text, readWhole);
        if (parts.size() > 1) {
            for (String part : parts) {
                best = Math.max(best, model.crisisScore(part, embedded.get(part)));
            }
        }
        return best;
    }

    private boolean flagged(IntentModel model, String text) {
        if (model.predict(text, embedded.get(text)).equals(Intent.CRISIS)) {
            return true;
        }
        List<String> parts = MessageParts.of(text, readWhole);
        return parts.size() > 1
                && parts.stream().anyMatch(part -> model.predict(part, embedded.get(part)).equals(Intent.CRISIS));
    }
}
