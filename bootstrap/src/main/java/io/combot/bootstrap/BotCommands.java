package io.combot.bootstrap;

import io.combot.adapter.out.knowledge.KnowledgeConfiguration;
import io.combot.adapter.out.knowledge.KnowledgeSettings;
import io.combot.adapter.out.ml.BotTraining;
import io.combot.adapter.out.ml.ClassifierSettings;
import io.combot.application.TrainBotService;
import io.combot.domain.error.InvalidBotException;
import io.combot.domain.error.UnreadableLabelsException;
import io.combot.domain.port.in.TrainBotCommand;
import io.combot.domain.port.in.TrainBotUseCase;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bot commands of {@code bin/combot}, a composition root of their own: {@code new-bot DIR} writes the shipped bot
 * into a new folder, and {@code train DIR [--force] [--labels FILE_OR_URL]} wires the ml adapter's training ports and
 * the knowledge adapter's index builder into {@link TrainBotService} and runs it. Each returns its exit code: 0 done, 2 the bot (or its labels) is not valid, told
 * in one line on {@code err}, 3 the promotion gate refused the new model.
 */
public final class BotCommands {
    static final int INVALID = 2;
    static final int REFUSED = 3;

    private BotCommands() {
    }

    public static int newBot(Path dir, PrintStream out, PrintStream err) {
        try {
            if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
                err.println("new-bot: " + dir.toAbsolutePath() + " exists and is not an empty folder; name a new one");
                return INVALID;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir, e);
        }
        String files = String.join(", ", BotTraining.writeShippedBot(dir));
        out.println("wrote the shipped bot into " + dir.toAbsolutePath() + " (" + files + "); serve it with "
                + "COMBOT_BOT_DIR=" + dir + " bin/combot run");
        return 0;
    }

    /**
     * {@code labels}: null, or a file or http(s) URL of labels in train.tsv's format to merge first; a URL is fetched
     * with {@code adminToken} (null: without one).
     */
    public static int train(Path dir, boolean force, String labels, String adminToken, ClassifierSettings settings,
                            KnowledgeSettings knowledge, PrintStream out, PrintStream err) {
        try (BotTraining adapters = new BotTraining(settings, adminToken)) {
            TrainBotUseCase training = new TrainBotService(adapters.folders(), adapters.labels(), adapters.embedder(),
                    adapters.fitter(), adapters.safety(), adapters.models(),
                    KnowledgeConfiguration.indexes(adapters.embedder(), knowledge));
            return training.train(new TrainBotCommand(dir, force, Optional.ofNullable(labels)), out::print).written()
                    ? 0 : REFUSED;
        } catch (InvalidBotException | UnreadableLabelsException e) {
            err.println("train: " + e.getMessage());
            return INVALID;
        } catch (UncheckedIOException e) {
            err.println("train: " + e.getMessage() + ": " + e.getCause().getMessage());
            return 1;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
