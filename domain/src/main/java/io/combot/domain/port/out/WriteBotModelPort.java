package io.combot.domain.port.out;

import io.combot.domain.model.FittedHead;
import io.combot.domain.model.ModelEvaluation;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes a trained model into its bot's folder: the training set with merged labels (when there were any), the
 * report, then the head, each file whole (a reader never sees half of one), an existing file keeping its mode.
 */
public interface WriteBotModelPort {
    /** Returns the version of the written model, as the service will name it. */
    String write(Path dir, String botName, FittedHead head, ModelEvaluation evaluation, String report,
                 Optional<byte[]> trainTsv);
}
