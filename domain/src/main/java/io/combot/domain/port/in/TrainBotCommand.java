package io.combot.domain.port.in;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Train the model of the bot in {@code dir}.
 *
 * @param force  write the new model even when the promotion gate refuses it
 * @param labels a file or URL of labels to merge into the training set first
 */
public record TrainBotCommand(Path dir, boolean force, Optional<String> labels) {
    public TrainBotCommand {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(labels, "labels");
    }
}
