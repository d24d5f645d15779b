package io.combot.domain.port.in;

import io.combot.domain.model.Classification;

public interface ClassifyTextUseCase {
    /** The classifier alone, with the same confidence policy a chat message gets. */
    Classification classify(String text);
}
