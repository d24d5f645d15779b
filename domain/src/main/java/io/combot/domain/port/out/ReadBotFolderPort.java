package io.combot.domain.port.out;

import io.combot.domain.model.BotData;
import io.combot.domain.model.Labels;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a bot's folder for training: its definition, examples and the model in it. A folder that is not a valid bot
 * throws {@link io.combot.domain.error.InvalidBotException}.
 */
public interface ReadBotFolderPort {
    /**
     * @param labels labels to merge into the training set first, and where they came from (for messages); the
     *               merge's rules decide which are kept
     */
    BotData read(Path dir, Optional<Labels> labels);
}
