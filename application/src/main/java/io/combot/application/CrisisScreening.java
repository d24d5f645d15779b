package io.combot.application;

import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import io.combot.domain.model.MessageParts;
import io.combot.domain.port.out.ClassifyMessagePort;
import java.util.List;
import java.util.Locale;

/**
 * Classifies a message and screens every part of it for a crisis: a crisis statement between ordinary sentences, or
 * past what the model reads of a long message, still gets the safety reply. The intent of every other route comes
 * from the whole message. A message of one part is classified once, as it always was.
 */
final class CrisisScreening {
    private static final System.Logger LOG = System.getLogger(CrisisScreening.class.getName());

    private CrisisScreening() {
    }

    static Classification classify(ClassifyMessagePort classifier, String text) {
        Classification whole = classifier.classify(text);
        if (Intent.CRISIS.equals(whole.intent())) {
            return whole;
        }
        List<String> parts = MessageParts.of(text, classifier.readsWholeUpTo());
        if (parts.size() == 1) {
            return whole;
        }
        for (int i = 0; i < parts.size(); i++) {
            Classification part = classifier.classify(parts.get(i));
            if (Intent.CRISIS.equals(part.intent())) {
                Classification crisis = whole.crisisFrom(i, parts.size(), part);
                // The part's index and score, never its words.
                LOG.log(System.Logger.Level.INFO, () -> String.format(Locale.ROOT,
                        "Crisis screening: part %d of %d scored %.4f; the whole message read as %s (%.4f)",
                        crisis.crisisPart().index() + 1, crisis.crisisPart().parts(), crisis.crisisPart().score(),
                        whole.intent(), whole.confidence()));
                return crisis;
            }
        }
        return whole;
    }
}
