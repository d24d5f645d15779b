package io.combot.domain.port.out;

import java.nio.file.Path;

/** Opens an index {@link BuildKnowledgeIndexPort} built, for searching. */
public interface OpenKnowledgeIndexPort {
    /** @throws io.combot.domain.error.InvalidBotException when {@code index} holds no index, or one of another encoder */
    KnowledgeIndex open(Path index);
}
