package io.combot.adapter.out.ml;

import io.combot.domain.error.InvalidBotException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bot commands of {@code bin/combot}: {@code new-bot DIR} writes the shipped bot into a new folder, and
 * {@code train DIR [--force] [--labels FILE_OR_URL]} trains the folder's model. Each returns its exit code; a bot that is not valid is told
 * in one line on {@code err} with exit code 2.
 */
public final class BotCommands {
    private BotCommands() {
    }

    public static int newBot(Path dir, PrintStream out, PrintStream err) {
        try {
            if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
                err.println("new-bot: " + dir.toAbsolutePath() + " exists and is not an empty folder; name a new one");
                return BotTrainer.INVALID;
            }
            BotSource shipped = BotSource.shipped();
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String file : BotSource.FILES) {
                files.put(file, shipped.read(file).orElseThrow(
                        () -> new IllegalStateException("The jar lacks the shipped bot's " + file)));
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bot into " + dir, e);
        }
        out.println("wrote the shipped bot into " + dir.toAbsolutePath() + " (" + String.join(", ", BotSource.FILES)
                + "); serve it with COMBOT_BOT_DIR=" + dir + " bin/combot run");
        return 0;
    }

    /**
     * {@code labels}: null, or a file or http(s) URL of labels in train.tsv's format to merge first; a URL is fetched
     * with {@code adminToken} (null: without one).
     */
    public static int train(Path dir, boolean force, String labels, String adminToken, ClassifierSettings settings,
                            PrintStream out, PrintStream err) {
        try {
            return new BotTrainer(out, settings).train(dir, force,
                    Optional.ofNullable(labels).map(from -> LabelExport.read(from, adminToken)));
        } catch (InvalidBotException | LabelExport.UnreadableException e) {
            err.println("train: " + e.getMessage());
            return BotTrainer.INVALID;
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
