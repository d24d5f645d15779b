package io.combot.domain.port.out;

import java.util.List;

/**
 * Turns texts into sentence embeddings with the one encoder the service holds: training a bot, screening a message
 * and searching a knowledge index all use it, so texts and passages land in the same space. Safe to call from many
 * threads; a saturated encoder answers with {@link io.combot.domain.error.CapacityExceededException}.
 */
public interface EmbedTextsPort {
    /** One unit-length vector of {@link #dimensions()} floats per text, in the order given; each text embedded alone. */
    List<float[]> embed(List<String> texts);

    int dimensions();

    /** Names the encoder, so that whatever stores embeddings can tell when they were made by another one. */
    String encoderVersion();

    /**
     * The longest text, in characters, of which the encoder reads every character; the crisis screening cuts longer
     * texts into parts of at most this length.
     */
    default int readsWholeUpTo() {
        return Integer.MAX_VALUE;
    }
}
