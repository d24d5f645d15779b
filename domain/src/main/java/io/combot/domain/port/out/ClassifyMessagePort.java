package io.combot.domain.port.out;

import io.combot.domain.model.Classification;

/**
 * Reads the intent of a text. Safe to call from many threads. Any text is accepted, including empty, huge or odd
 * ones; the answer is a classification or a domain error (such as
 * {@link io.combot.domain.error.CapacityExceededException} when the classifier is saturated), never another exception.
 */
public interface ClassifyMessagePort {
    Classification classify(String text);

    /**
     * The longest text, in characters, of which the classifier reads every character: a model reads a bounded number
     * of tokens, and the crisis screening gives it longer texts in parts of at most this length.
     */
    default int readsWholeUpTo() {
        return Integer.MAX_VALUE;
    }
}
